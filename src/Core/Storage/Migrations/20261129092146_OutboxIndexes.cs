using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId",
                table: "outbox",
                column: "BroadcastId");
        }
    }
}
