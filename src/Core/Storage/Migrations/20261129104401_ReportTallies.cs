using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReportTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_pledges_report",
                table: "pledges");

            migrationBuilder.AddColumn<int>(
                name: "Delivered",
                table: "broadcasts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcast_delivered",
                columns: table => new
                {
                    BroadcastId = table.Column<long>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_delivered", x => new { x.BroadcastId, x.WardId, x.UnitId });
                });

            migrationBuilder.CreateTable(
                name: "pledge_tally",
                columns: table => new
                {
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Pledges = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_tally", x => new { x.CampaignYear, x.WardId, x.UnitId, x.TypeId, x.Source });
                });

            migrationBuilder.CreateTable(
                name: "resident_tally",
                columns: table => new
                {
                    WardId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_tally", x => new { x.WardId, x.UnitId, x.ConsentYear, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "signer_tally",
                columns: table => new
                {
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: false),
                    SignerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Signers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signer_tally", x => new { x.CampaignYear, x.WardId, x.UnitId, x.SignerKind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_SignedAt",
                table: "pledges",
                columns: new[] { "CampaignYear", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_rsvps_EventId_Coming",
                table: "event_rsvps",
                columns: new[] { "EventId", "Coming" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_delivered_UnitId_BroadcastId_Sent",
                table: "broadcast_delivered",
                columns: new[] { "UnitId", "BroadcastId", "Sent" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_delivered_WardId_BroadcastId_Sent",
                table: "broadcast_delivered",
                columns: new[] { "WardId", "BroadcastId", "Sent" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_tally_UnitId_CampaignYear",
                table: "pledge_tally",
                columns: new[] { "UnitId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_tally_WardId_CampaignYear",
                table: "pledge_tally",
                columns: new[] { "WardId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_tally_UnitId_ConsentYear",
                table: "resident_tally",
                columns: new[] { "UnitId", "ConsentYear" });

            migrationBuilder.CreateIndex(
                name: "IX_signer_tally_UnitId_CampaignYear",
                table: "signer_tally",
                columns: new[] { "UnitId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_signer_tally_WardId_CampaignYear",
                table: "signer_tally",
                columns: new[] { "WardId", "CampaignYear" });

            // The triggers that keep the tallies, then the tallies counted from what is already stored.
            migrationBuilder.Sql(Antq.Core.Reports.ReportTallies.Triggers);
            migrationBuilder.Sql(Antq.Core.Reports.ReportTallies.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Antq.Core.Reports.ReportTallies.TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.DropTable(
                name: "broadcast_delivered");

            migrationBuilder.DropTable(
                name: "pledge_tally");

            migrationBuilder.DropTable(
                name: "resident_tally");

            migrationBuilder.DropTable(
                name: "signer_tally");

            migrationBuilder.DropIndex(
                name: "IX_pledges_CampaignYear_SignedAt",
                table: "pledges");

            migrationBuilder.DropIndex(
                name: "IX_event_rsvps_EventId_Coming",
                table: "event_rsvps");

            migrationBuilder.DropColumn(
                name: "Delivered",
                table: "broadcasts");

            migrationBuilder.CreateIndex(
                name: "IX_pledges_report",
                table: "pledges",
                columns: new[] { "CampaignYear", "WardId", "UnitId", "SignerKind", "TypeId", "Source", "WithdrawnAt", "SignedAt", "SignerKey" });
        }
    }
}
