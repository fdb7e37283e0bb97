using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OfficersAndTips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "officer_invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedByOfficerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UsedByOfficerId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PhotoFileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_quota",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_quota", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DeleteAfter = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PlaceText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    OccurredWhen = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedOfficerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    MimeType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tip_attachments_tips_TipId",
                        column: x => x.TipId,
                        principalTable: "tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_officer_invitations_CodeHash",
                table: "officer_invitations",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officers_Channel_ExternalUserId",
                table: "officers",
                columns: new[] { "Channel", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officers_WardId",
                table: "officers",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_attachments_TipId",
                table: "tip_attachments",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_events_TipId_At",
                table: "tip_events",
                columns: new[] { "TipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_quota_ResidentKey_Hour",
                table: "tip_quota",
                columns: new[] { "ResidentKey", "Hour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tip_routes_DeleteAfter",
                table: "tip_routes",
                column: "DeleteAfter");

            migrationBuilder.CreateIndex(
                name: "IX_tip_routes_TipId",
                table: "tip_routes",
                column: "TipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_Code",
                table: "tips",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_WardId_Status_CreatedAt",
                table: "tips",
                columns: new[] { "WardId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "officer_invitations");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropTable(
                name: "tip_attachments");

            migrationBuilder.DropTable(
                name: "tip_events");

            migrationBuilder.DropTable(
                name: "tip_quota");

            migrationBuilder.DropTable(
                name: "tip_routes");

            migrationBuilder.DropTable(
                name: "tips");
        }
    }
}
