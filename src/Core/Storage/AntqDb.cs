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
/// The service's database. Provider-neutral: nothing here is SQLite-specific. The SQLite migrations belong to this
/// type, PostgreSQL's to <see cref="PostgresAntqDb"/>.
/// </summary>
public class AntqDb : DbContext
{
    public AntqDb(DbContextOptions<AntqDb> options)
        : base(options)
    {
    }

    protected AntqDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ConversationState> Conversations => Set<ConversationState>();

    public DbSet<InboxUpdate> Inbox => Set<InboxUpdate>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ServiceInstance> Instances => Set<ServiceInstance>();

    public DbSet<ChannelPace> ChannelPace => Set<ChannelPace>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<OfficerInvitation> OfficerInvitations => Set<OfficerInvitation>();

    public DbSet<Tip> Tips => Set<Tip>();

    public DbSet<TipAttachment> TipAttachments => Set<TipAttachment>();

    public DbSet<TipRoute> TipRoutes => Set<TipRoute>();

    public DbSet<TipEvent> TipEvents => Set<TipEvent>();

    public DbSet<TipQuotaUse> TipQuota => Set<TipQuotaUse>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<FestivalEvent> Events => Set<FestivalEvent>();

    public DbSet<EventRsvp> EventRsvps => Set<EventRsvp>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeRenewalInvitation> PledgeRenewalInvitations => Set<PledgeRenewalInvitation>();

    public DbSet<ContactOverride> ContactOverrides => Set<ContactOverride>();

    public DbSet<ChatActivity> ChatActivity => Set<ChatActivity>();

    public DbSet<ChannelKeyboard> ChannelKeyboards => Set<ChannelKeyboard>();

    public DbSet<ChannelCredential> ChannelCredentials => Set<ChannelCredential>();

    public DbSet<ChannelSession> ChannelSessions => Set<ChannelSession>();

    public DbSet<PledgeTally> PledgeTallies => Set<PledgeTally>();

    public DbSet<SignerTally> SignerTallies => Set<SignerTally>();

    public DbSet<ResidentTally> ResidentTallies => Set<ResidentTally>();

    public DbSet<BroadcastDelivered> BroadcastDelivered => Set<BroadcastDelivered>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC; reading them back must say so.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Resident>(e =>
        {
            e.ToTable("residents");
            e.Property(r => r.Channel).HasMaxLength(16);
            e.Property(r => r.ExternalUserId).HasMaxLength(64);
            e.Property(r => r.ChatId).HasMaxLength(64);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.WardId).HasMaxLength(40);
            e.Property(r => r.UnitId).HasMaxLength(40);
            e.HasIndex(r => new { r.Channel, r.ExternalUserId }).IsUnique();
            e.HasIndex(r => new { r.Channel, r.ChatId });
            e.HasIndex(r => new { r.WardId, r.UnitId });
            e.HasIndex(r => new { r.WardId, r.ConsentedAt, r.Status });
            e.HasIndex(r => new { r.ConsentedAt, r.Status, r.WardId });
            e.Ignore(r => r.HasConsented);
        });

        modelBuilder.Entity<ConversationState>(e =>
        {
            e.ToTable("conversations");
            e.Property(c => c.Channel).HasMaxLength(16);
            e.Property(c => c.ChatId).HasMaxLength(64);
            e.Property(c => c.Flow).HasMaxLength(32);
            e.Property(c => c.Step).HasMaxLength(32);
            e.Property(c => c.Language).HasMaxLength(8);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasIndex(c => new { c.Channel, c.ChatId }).IsUnique();
        });

        modelBuilder.Entity<InboxUpdate>(e =>
        {
            e.ToTable("inbox");
            e.Property(i => i.Channel).HasMaxLength(16);
            e.Property(i => i.ExternalId).HasMaxLength(64);
            e.Property(i => i.ChatId).HasMaxLength(64);
            e.HasIndex(i => new { i.Channel, i.ExternalId }).IsUnique();
            e.HasIndex(i => i.HandledAt);
            e.HasIndex(i => new { i.Channel, i.ChatId });
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(o => o.Channel).HasMaxLength(16);
            e.Property(o => o.ChatId).HasMaxLength(64);
            e.Property(o => o.LastError).HasMaxLength(300);
            e.Property(o => o.LeasedBy).HasMaxLength(16);
            // The dispatcher leases each channel's due rows on this: with the channel in the index, a channel with nothing
            // due (web chat while Telegram has a city-wide broadcast queued) finds that at once instead of walking them all.
            e.HasIndex(o => new { o.Status, o.Channel, o.Priority, o.NotBefore });
            e.HasIndex(o => new { o.Channel, o.ChatId, o.Status, o.BroadcastId });

            // A broadcast's progress (every clock tick while it sends) and the summary report count its rows by status from this index alone.
            e.HasIndex(o => new { o.BroadcastId, o.Status });
        });

        modelBuilder.Entity<ServiceInstance>(e =>
        {
            e.ToTable("instances");
            e.Property(i => i.Id).HasMaxLength(16);
        });

        modelBuilder.Entity<ChannelPace>(e =>
        {
            e.ToTable("channel_pace");
            e.HasKey(p => p.Channel);
            e.Property(p => p.Channel).HasMaxLength(24);
        });

        OnOfficersAndTipsCreating(modelBuilder);
        OnBroadcastsCreating(modelBuilder);
        OnPledgesCreating(modelBuilder);
        OnTalliesCreating(modelBuilder);
        modelBuilder.Entity<ContactOverride>(e =>
        {
            e.ToTable("contact_overrides");
            e.Property(c => c.EntryId).HasMaxLength(40);
            e.Property(c => c.Field).HasMaxLength(16);
            e.Property(c => c.Value).HasMaxLength(ContactBook.MaxFieldLength);
            e.HasIndex(c => new { c.EntryId, c.Field }).IsUnique();
        });

        OnChannelsCreating(modelBuilder);
    }

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
            e.HasIndex(q => new { q.ResidentKey, q.Hour }).IsUnique();
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
