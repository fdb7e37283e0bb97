using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastPhotoChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhotoChannel",
                table: "broadcasts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Until now a broadcast's photo was always its officer's file id.
            migrationBuilder.Sql("UPDATE broadcasts SET PhotoChannel = (SELECT o.Channel FROM officers AS o WHERE o.Id = broadcasts.OfficerId) WHERE PhotoFileId IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PhotoChannel",
                table: "broadcasts");
        }
    }
}
