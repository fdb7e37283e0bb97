using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLeaseByChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Status_Priority_NotBefore",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_Channel_Priority_NotBefore",
                table: "outbox",
                columns: new[] { "Status", "Channel", "Priority", "NotBefore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_Status_Channel_Priority_NotBefore",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_Priority_NotBefore",
                table: "outbox",
                columns: new[] { "Status", "Priority", "NotBefore" });
        }
    }
}
