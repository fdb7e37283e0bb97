using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SharedSendSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_slots",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    FreeAt = table.Column<double>(type: "REAL", nullable: false),
                    Pass = table.Column<long>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_slots", x => new { x.Channel, x.Slot });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_slots");
        }
    }
}
