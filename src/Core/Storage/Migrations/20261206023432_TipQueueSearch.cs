using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
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
                type: "TEXT",
                maxLength: 2400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "AssigneeOfficerId",
                table: "tip_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql(Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "tips");

            migrationBuilder.DropColumn(
                name: "AssigneeOfficerId",
                table: "tip_events");
        }
    }
}
