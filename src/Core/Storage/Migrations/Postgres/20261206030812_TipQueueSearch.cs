using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TipQueueSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "tips",
                type: "character varying(2400)",
                maxLength: 2400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "AssigneeOfficerId",
                table: "tip_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_Kind_Status_CreatedAt",
                table: "tips",
                columns: new[] { "Kind", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tips_Kind_WardId_CreatedAt",
                table: "tips",
                columns: new[] { "Kind", "WardId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tips_Kind_WardId_Status_CreatedAt",
                table: "tips",
                columns: new[] { "Kind", "WardId", "Status", "CreatedAt" });

            migrationBuilder.Sql(Antq.Core.Storage.Migrations.TipQueueSearch.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tips_Kind_Status_CreatedAt",
                table: "tips");

            migrationBuilder.DropIndex(
                name: "IX_tips_Kind_WardId_CreatedAt",
                table: "tips");

            migrationBuilder.DropIndex(
                name: "IX_tips_Kind_WardId_Status_CreatedAt",
                table: "tips");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "tips");

            migrationBuilder.DropColumn(
                name: "AssigneeOfficerId",
                table: "tip_events");
        }
    }
}
