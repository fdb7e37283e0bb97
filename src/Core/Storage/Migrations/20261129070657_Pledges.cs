using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Pledges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    School = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SignerKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledges_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_SignerKey_TypeId",
                table: "pledges",
                columns: new[] { "CampaignYear", "SignerKey", "TypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_WardId_UnitId",
                table: "pledges",
                columns: new[] { "CampaignYear", "WardId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_Number",
                table: "pledges",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_pledges_ResidentId",
                table: "pledges",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pledges");
        }
    }
}
