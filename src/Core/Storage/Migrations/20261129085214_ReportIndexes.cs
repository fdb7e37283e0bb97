using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_ChatId_Status",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_tips_CreatedAt",
                table: "tips",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_residents_ConsentedAt_Status_WardId",
                table: "residents",
                columns: new[] { "ConsentedAt", "Status", "WardId" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_WardId_ConsentedAt_Status",
                table: "residents",
                columns: new[] { "WardId", "ConsentedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_report",
                table: "pledges",
                columns: new[] { "CampaignYear", "WardId", "UnitId", "SignerKind", "TypeId", "Source", "WithdrawnAt", "SignedAt", "SignerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_ChatId_Status_BroadcastId",
                table: "outbox",
                columns: new[] { "Channel", "ChatId", "Status", "BroadcastId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tips_CreatedAt",
                table: "tips");

            migrationBuilder.DropIndex(
                name: "IX_residents_ConsentedAt_Status_WardId",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "IX_residents_WardId_ConsentedAt_Status",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "IX_pledges_report",
                table: "pledges");

            migrationBuilder.DropIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Channel_ChatId_Status_BroadcastId",
                table: "outbox");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId",
                table: "outbox",
                column: "BroadcastId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_ChatId_Status",
                table: "outbox",
                columns: new[] { "Channel", "ChatId", "Status" });
        }
    }
}
