using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastWeekdays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Weekdays",
                table: "broadcasts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Weekdays",
                table: "broadcasts");
        }
    }
}
