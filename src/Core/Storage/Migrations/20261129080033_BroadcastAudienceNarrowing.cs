using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastAudienceNarrowing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitIds",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "UnitIds",
                table: "broadcasts");
        }
    }
}
