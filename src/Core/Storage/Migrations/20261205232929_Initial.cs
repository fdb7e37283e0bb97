using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Antq.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    PhotoFileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhotoChannel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Topic = table.Column<int>(type: "INTEGER", nullable: false),
                    WardIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UnitIds = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", nullable: true),
                    ScheduledFor = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<int>(type: "INTEGER", nullable: true),
                    ProgressOutboxId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProgressAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "channel_credentials",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_credentials", x => x.Channel);
                });

            migrationBuilder.CreateTable(
                name: "channel_keyboards",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Buttons = table.Column<string>(type: "TEXT", nullable: false),
                    Numbered = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_keyboards", x => new { x.Channel, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "channel_sessions",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CurrentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_sessions", x => new { x.Channel, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "chat_activity",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastInboundAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_activity", x => new { x.Channel, x.ChatId });
                });

            migrationBuilder.CreateTable(
                name: "contact_overrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FlowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "event_rsvps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Coming = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_rsvps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReminderMinutes = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RemindersSent = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "officer_invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedByOfficerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UsedByOfficerId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "officers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotBefore = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ChannelMessageId = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    BroadcastId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledge_renewal_invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_renewal_invitations", x => x.Id);
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
                name: "residents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Topics = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentRefusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_residents", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "tip_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<long>(type: "INTEGER", nullable: true),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PhotoFileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_quota",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_quota", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DeleteAfter = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PlaceText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    OccurredWhen = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedOfficerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tips", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TypeId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    School = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SignerKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WardId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CampaignYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pledges_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "tip_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    MimeType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DownloadAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextDownloadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DownloadError = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tip_attachments_tips_TipId",
                        column: x => x.TipId,
                        principalTable: "tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_delivered_UnitId_BroadcastId_Sent",
                table: "broadcast_delivered",
                columns: new[] { "UnitId", "BroadcastId", "Sent" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcast_delivered_WardId_BroadcastId_Sent",
                table: "broadcast_delivered",
                columns: new[] { "WardId", "BroadcastId", "Sent" });

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_Status_ScheduledFor",
                table: "broadcasts",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_overrides_EntryId_Field",
                table: "contact_overrides",
                columns: new[] { "EntryId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_Channel_ChatId",
                table: "conversations",
                columns: new[] { "Channel", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_event_rsvps_EventId_Channel_ChatId",
                table: "event_rsvps",
                columns: new[] { "EventId", "Channel", "ChatId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_event_rsvps_EventId_Coming",
                table: "event_rsvps",
                columns: new[] { "EventId", "Coming" });

            migrationBuilder.CreateIndex(
                name: "IX_events_Status_StartsAt",
                table: "events",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Channel_ChatId",
                table: "inbox",
                columns: new[] { "Channel", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Channel_ExternalId",
                table: "inbox",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_HandledAt",
                table: "inbox",
                column: "HandledAt");

            migrationBuilder.CreateIndex(
                name: "IX_officer_invitations_CodeHash",
                table: "officer_invitations",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officers_Channel_ExternalUserId",
                table: "officers",
                columns: new[] { "Channel", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officers_WardId",
                table: "officers",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_BroadcastId_Status",
                table: "outbox",
                columns: new[] { "BroadcastId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_ChatId_Status_BroadcastId",
                table: "outbox",
                columns: new[] { "Channel", "ChatId", "Status", "BroadcastId" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_Channel_Priority_NotBefore",
                table: "outbox",
                columns: new[] { "Status", "Channel", "Priority", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_renewal_invitations_ResidentId_CampaignYear",
                table: "pledge_renewal_invitations",
                columns: new[] { "ResidentId", "CampaignYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pledge_tally_UnitId_CampaignYear",
                table: "pledge_tally",
                columns: new[] { "UnitId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_pledge_tally_WardId_CampaignYear",
                table: "pledge_tally",
                columns: new[] { "WardId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_SignedAt",
                table: "pledges",
                columns: new[] { "CampaignYear", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_SignerKey_TypeId",
                table: "pledges",
                columns: new[] { "CampaignYear", "SignerKey", "TypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_CampaignYear_WardId_UnitId",
                table: "pledges",
                columns: new[] { "CampaignYear", "WardId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_Number",
                table: "pledges",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_pledges_ResidentId",
                table: "pledges",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_resident_tally_UnitId_ConsentYear",
                table: "resident_tally",
                columns: new[] { "UnitId", "ConsentYear" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_Channel_ChatId",
                table: "residents",
                columns: new[] { "Channel", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_Channel_ExternalUserId",
                table: "residents",
                columns: new[] { "Channel", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_residents_ConsentedAt_Status_WardId",
                table: "residents",
                columns: new[] { "ConsentedAt", "Status", "WardId" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_WardId_ConsentedAt_Status",
                table: "residents",
                columns: new[] { "WardId", "ConsentedAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_WardId_UnitId",
                table: "residents",
                columns: new[] { "WardId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_signer_tally_UnitId_CampaignYear",
                table: "signer_tally",
                columns: new[] { "UnitId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_signer_tally_WardId_CampaignYear",
                table: "signer_tally",
                columns: new[] { "WardId", "CampaignYear" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_attachments_StoredPath_NextDownloadAt",
                table: "tip_attachments",
                columns: new[] { "StoredPath", "NextDownloadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_attachments_TipId",
                table: "tip_attachments",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_events_TipId_At",
                table: "tip_events",
                columns: new[] { "TipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_quota_ResidentKey_Hour",
                table: "tip_quota",
                columns: new[] { "ResidentKey", "Hour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tip_routes_DeleteAfter",
                table: "tip_routes",
                column: "DeleteAfter");

            migrationBuilder.CreateIndex(
                name: "IX_tip_routes_TipId",
                table: "tip_routes",
                column: "TipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_Code",
                table: "tips",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_CreatedAt",
                table: "tips",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_tips_WardId_Status_CreatedAt",
                table: "tips",
                columns: new[] { "WardId", "Status", "CreatedAt" });

            // The triggers that keep the summary report's tallies (see ReportTallies).
            migrationBuilder.Sql(TallyTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS tally_pledge_insert;
                DROP TRIGGER IF EXISTS tally_pledge_delete;
                DROP TRIGGER IF EXISTS tally_pledge_update;
                DROP TRIGGER IF EXISTS tally_resident_insert;
                DROP TRIGGER IF EXISTS tally_resident_delete;
                DROP TRIGGER IF EXISTS tally_resident_update;
                """);

            migrationBuilder.DropTable(
                name: "broadcast_delivered");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "channel_credentials");

            migrationBuilder.DropTable(
                name: "channel_keyboards");

            migrationBuilder.DropTable(
                name: "channel_sessions");

            migrationBuilder.DropTable(
                name: "chat_activity");

            migrationBuilder.DropTable(
                name: "contact_overrides");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "event_rsvps");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "officer_invitations");

            migrationBuilder.DropTable(
                name: "officers");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "pledge_renewal_invitations");

            migrationBuilder.DropTable(
                name: "pledge_tally");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropTable(
                name: "resident_tally");

            migrationBuilder.DropTable(
                name: "signer_tally");

            migrationBuilder.DropTable(
                name: "tip_attachments");

            migrationBuilder.DropTable(
                name: "tip_events");

            migrationBuilder.DropTable(
                name: "tip_quota");

            migrationBuilder.DropTable(
                name: "tip_routes");

            migrationBuilder.DropTable(
                name: "residents");

            migrationBuilder.DropTable(
                name: "tips");
        }
    }
}
