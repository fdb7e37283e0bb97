using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EventReminderMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ReminderHours",
                table: "events",
                newName: "ReminderMinutes");

            // Hours became minutes; no event could have anything but the old default.
            migrationBuilder.Sql("UPDATE \"events\" SET \"ReminderMinutes\" = '4320,1440,120' WHERE \"ReminderMinutes\" = '72,24,2'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"events\" SET \"ReminderMinutes\" = '72,24,2'");

            migrationBuilder.RenameColumn(
                name: "ReminderMinutes",
                table: "events",
                newName: "ReminderHours");
        }
    }
}
