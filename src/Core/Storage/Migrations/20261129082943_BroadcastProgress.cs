using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChannelMessageId",
                table: "outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProgressAt",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressOutboxId",
                table: "broadcasts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChannelMessageId",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "ProgressAt",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "ProgressOutboxId",
                table: "broadcasts");
        }
    }
}
