using Antq.Core.Broadcasts;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Events;
using Antq.Core.Inbox;
using Antq.Core.InfoDesk;
using Antq.Core.Instances;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Residents;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Antq.Core.Storage;

/// <summary>
/// The feature tables' mapping, one method per feature (channels, pledges, tallies, broadcasts and events, officers and
/// tips), called from <see cref="AntqDb"/>'s <c>OnModelCreating</c>; the conversation core's tables stay there.
/// </summary>
public partial class AntqDb
{
    private static void OnChannelsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChatActivity>(e =>
        {
            e.ToTable("chat_activity");
            e.HasKey(a => new { a.Channel, a.ChatId });
            e.Property(a => a.Channel).HasMaxLength(16);
            e.Property(a => a.ChatId).HasMaxLength(64);
        });

        modelBuilder.Entity<ChannelKeyboard>(e =>
        {
            e.ToTable("channel_keyboards");
            e.HasKey(k => new { k.Channel, k.ChatId });
            e.Property(k => k.Channel).HasMaxLength(16);
            e.Property(k => k.ChatId).HasMaxLength(64);
        });

        modelBuilder.Entity<ChannelCredential>(e =>
        {
            e.ToTable("channel_credentials");
            e.HasKey(c => c.Channel);
            e.Property(c => c.Channel).HasMaxLength(16);
            e.Property(c => c.SeedHash).HasMaxLength(64);
        });

        modelBuilder.Entity<ChannelSession>(e =>
        {
            e.ToTable("channel_sessions");
            e.HasKey(c => new { c.Channel, c.ChatId });
            e.Property(c => c.Channel).HasMaxLength(16);
            e.Property(c => c.ChatId).HasMaxLength(64);
            e.Property(c => c.CurrentHash).HasMaxLength(64);
        });
    }

    private static void OnPledgesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PledgeRenewalInvitation>(e =>
        {
            e.ToTable("pledge_renewal_invitations");
            e.HasIndex(i => new { i.ResidentId, i.CampaignYear }).IsUnique();
        });

        modelBuilder.Entity<Pledge>(e =>
        {
            e.ToTable("pledges");
            e.Property(p => p.Number).HasMaxLength(20);
            e.Property(p => p.TypeId).HasMaxLength(16);
            e.Property(p => p.TextVersion).HasMaxLength(16);
            e.Property(p => p.SignerKind).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Source).HasConversion<string>().HasMaxLength(8);
            e.Property(p => p.SignerName).HasMaxLength(100);
            e.Property(p => p.Address).HasMaxLength(200);
            e.Property(p => p.BusinessName).HasMaxLength(150);
            e.Property(p => p.School).HasMaxLength(200);
            e.Property(p => p.ClassName).HasMaxLength(30);
            e.Property(p => p.SignerKey).HasMaxLength(400);
            e.Property(p => p.WardId).HasMaxLength(40);
            e.Property(p => p.UnitId).HasMaxLength(40);
            e.Ignore(p => p.Details);
            e.HasIndex(p => p.Number);
            e.HasIndex(p => new { p.CampaignYear, p.SignerKey, p.TypeId });
            e.HasIndex(p => new { p.CampaignYear, p.WardId, p.UnitId });
            e.HasIndex(p => p.ResidentId);

            // Whole years are counted from the tallies; a part of a year (last month's summary) from the pledges signed in it.
            e.HasIndex(p => new { p.CampaignYear, p.SignedAt });

            // Erasing a resident keeps the pledges they signed (they are counted) but drops the link to them.
            e.HasOne<Resident>().WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.SetNull);
        });
    }

    /// <summary>The report's running counts (<see cref="ReportTallies"/>): kept by triggers the migration creates.</summary>
    private static void OnTalliesCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PledgeTally>(e =>
        {
            e.ToTable("pledge_tally");
            e.HasKey(t => new { t.CampaignYear, t.WardId, t.UnitId, t.TypeId, t.Source });
            e.Property(t => t.Source).HasConversion<string>().HasMaxLength(8);
            e.HasIndex(t => new { t.WardId, t.CampaignYear });
            e.HasIndex(t => new { t.UnitId, t.CampaignYear });
        });

        modelBuilder.Entity<SignerTally>(e =>
        {
            e.ToTable("signer_tally");
            e.HasKey(t => new { t.CampaignYear, t.WardId, t.UnitId, t.SignerKind });
            e.Property(t => t.SignerKind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(t => new { t.WardId, t.CampaignYear });
            e.HasIndex(t => new { t.UnitId, t.CampaignYear });
        });

        modelBuilder.Entity<ResidentTally>(e =>
        {
            e.ToTable("resident_tally");
            e.HasKey(t => new { t.WardId, t.UnitId, t.ConsentYear, t.Status });
            e.HasIndex(t => new { t.UnitId, t.ConsentYear });
        });

        modelBuilder.Entity<BroadcastDelivered>(e =>
        {
            e.ToTable("broadcast_delivered");
            e.HasKey(r => new { r.BroadcastId, r.WardId, r.UnitId });

            // A ward's (or unit's) reach over years is read from these alone.
            e.HasIndex(r => new { r.WardId, r.BroadcastId, r.Sent });
            e.HasIndex(r => new { r.UnitId, r.BroadcastId, r.Sent });
        });
    }

    private static void OnBroadcastsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Broadcast>(e =>
        {
            e.ToTable("broadcasts");
            e.Property(b => b.Text).HasMaxLength(4096);
            e.Property(b => b.PhotoFileId).HasMaxLength(200);
            e.Property(b => b.PhotoChannel).HasMaxLength(16);
            e.Property(b => b.WardIds).HasMaxLength(1000);
            e.Ignore(b => b.Wards);
            e.HasIndex(b => new { b.Status, b.ScheduledFor });
        });

        modelBuilder.Entity<ConsolePhoto>(e =>
        {
            e.ToTable("console_photos");
            e.Property(p => p.Id).HasMaxLength(32);

            // The retention sweep finds the old ones by this.
            e.HasIndex(p => p.CreatedAt);
        });

        modelBuilder.Entity<FestivalEvent>(e =>
        {
            e.ToTable("events");
            e.Property(v => v.Title).HasMaxLength(150);
            e.Property(v => v.Description).HasMaxLength(2000);
            e.Property(v => v.WardId).HasMaxLength(40);
            e.Property(v => v.Place).HasMaxLength(300);
            e.Property(v => v.ReminderMinutes).HasMaxLength(60);
            e.Ignore(v => v.Reminders);
            e.HasIndex(v => new { v.Status, v.StartsAt });
        });

        modelBuilder.Entity<EventRsvp>(e =>
        {
            e.ToTable("event_rsvps");
            e.Property(r => r.Channel).HasMaxLength(16);
            e.Property(r => r.ChatId).HasMaxLength(64);
            e.HasIndex(r => new { r.EventId, r.Channel, r.ChatId }).IsUnique();

            // The report counts each event's "coming" answers from this index alone.
            e.HasIndex(r => new { r.EventId, r.Coming });
        });
    }

    private static void OnOfficersAndTipsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Officer>(e =>
        {
            e.ToTable("officers");
            e.Property(o => o.Channel).HasMaxLength(16);
            e.Property(o => o.ExternalUserId).HasMaxLength(64);
            e.Property(o => o.ChatId).HasMaxLength(64);
            e.Property(o => o.DisplayName).HasMaxLength(100);
            e.Property(o => o.WardId).HasMaxLength(40);
            e.HasIndex(o => new { o.Channel, o.ExternalUserId }).IsUnique();
            e.HasIndex(o => o.WardId);
        });

        modelBuilder.Entity<OfficerInvitation>(e =>
        {
            e.ToTable("officer_invitations");
            e.Property(i => i.CodeHash).HasMaxLength(64);
            e.Property(i => i.WardId).HasMaxLength(40);
            e.HasIndex(i => i.CodeHash).IsUnique();
        });

        modelBuilder.Entity<Tip>(e =>
        {
            e.ToTable("tips");
            e.Property(t => t.Code).HasMaxLength(8);
            e.Property(t => t.CategoryId).HasMaxLength(24);
            e.Property(t => t.WardId).HasMaxLength(40);
            e.Property(t => t.UnitId).HasMaxLength(40);
            e.Property(t => t.PlaceText).HasMaxLength(300);
            e.Property(t => t.OccurredWhen).HasMaxLength(10);
            e.Property(t => t.Description).HasMaxLength(2000);
            e.Property(t => t.ReporterName).HasMaxLength(100);
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Outcome).HasMaxLength(1000);
            e.Property(t => t.SearchText).HasMaxLength(TipSearch.MaxLength).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.HasIndex(t => t.Code).IsUnique();
            e.HasIndex(t => new { t.WardId, t.Status, t.CreatedAt });
            e.HasIndex(t => t.CreatedAt);

            // The console's queue (TipQueue): a ward's or the city's counts by status read from an index alone, and a
            // page newest first walked in order, with or without a status; questions and tips share the table.
            e.HasIndex(t => new { t.Kind, t.WardId, t.Status, t.CreatedAt });
            e.HasIndex(t => new { t.Kind, t.WardId, t.CreatedAt });
            e.HasIndex(t => new { t.Kind, t.Status, t.CreatedAt });
            e.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TipId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TipAttachment>(e =>
        {
            e.ToTable("tip_attachments");
            e.Property(a => a.FileId).HasMaxLength(200);
            e.Property(a => a.MimeType).HasMaxLength(100);
            e.Property(a => a.Channel).HasMaxLength(16);
            e.Property(a => a.StoredPath).HasMaxLength(300);
            e.Property(a => a.DownloadError).HasMaxLength(300);
            e.HasIndex(a => new { a.StoredPath, a.NextDownloadAt });
        });

        modelBuilder.Entity<TipRoute>(e =>
        {
            e.ToTable("tip_routes");
            e.HasIndex(r => r.TipId).IsUnique();
            e.HasIndex(r => r.DeleteAfter);
        });

        modelBuilder.Entity<TipEvent>(e =>
        {
            e.ToTable("tip_events");
            e.Property(t => t.Text).HasMaxLength(2000);
            e.Property(t => t.PhotoFileId).HasMaxLength(200);
            e.HasIndex(t => new { t.TipId, t.At });
        });

        modelBuilder.Entity<TipQuotaUse>(e =>
        {
            e.ToTable("tip_quota");
            e.Property(q => q.ResidentKey).HasMaxLength(64);
            // Named for what it holds; the column keeps the name the tables were made with, so no migration renames it.
            e.Property(q => q.Slot).HasColumnName("Hour");
            e.HasIndex(q => new { q.ResidentKey, q.Slot }).IsUnique();
        });
    }
}
