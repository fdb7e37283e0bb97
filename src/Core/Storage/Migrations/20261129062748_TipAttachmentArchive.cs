using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class TipAttachmentArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "tip_attachments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "DownloadAttempts",
                table: "tip_attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DownloadError",
                table: "tip_attachments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextDownloadAt",
                table: "tip_attachments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoredPath",
                table: "tip_attachments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_tip_attachments_StoredPath_NextDownloadAt",
                table: "tip_attachments",
                columns: new[] { "StoredPath", "NextDownloadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tip_attachments_StoredPath_NextDownloadAt",
                table: "tip_attachments");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "tip_attachments");

            migrationBuilder.DropColumn(
                name: "DownloadAttempts",
                table: "tip_attachments");

            migrationBuilder.DropColumn(
                name: "DownloadError",
                table: "tip_attachments");

            migrationBuilder.DropColumn(
                name: "NextDownloadAt",
                table: "tip_attachments");

            migrationBuilder.DropColumn(
                name: "StoredPath",
                table: "tip_attachments");
        }
    }
}
