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
public partial class AntqDb : DbContext
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

    public DbSet<ChannelSlot> ChannelSlots => Set<ChannelSlot>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<OfficerInvitation> OfficerInvitations => Set<OfficerInvitation>();

    public DbSet<Tip> Tips => Set<Tip>();

    public DbSet<TipAttachment> TipAttachments => Set<TipAttachment>();

    public DbSet<TipRoute> TipRoutes => Set<TipRoute>();

    public DbSet<TipEvent> TipEvents => Set<TipEvent>();

    public DbSet<TipQuotaUse> TipQuota => Set<TipQuotaUse>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<ConsolePhoto> ConsolePhotos => Set<ConsolePhoto>();

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

        modelBuilder.Entity<ChannelSlot>(e =>
        {
            e.ToTable("channel_slots");
            e.HasKey(s => new { s.Channel, s.Slot });
            e.Property(s => s.Channel).HasMaxLength(24);
            e.Property(s => s.Holder).HasMaxLength(16);
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

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
