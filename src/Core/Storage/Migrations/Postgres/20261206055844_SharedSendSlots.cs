using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations.Postgres
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
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    FreeAt = table.Column<double>(type: "double precision", nullable: false),
                    Pass = table.Column<long>(type: "bigint", nullable: false),
                    Holder = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
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
