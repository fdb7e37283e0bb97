using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Inbox;
using Antq.Core.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Antq.Core.Storage;

/// <summary>The service's database. Provider-neutral: nothing here is SQLite-specific.</summary>
public sealed class AntqDb(DbContextOptions<AntqDb> options) : DbContext(options)
{
    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ConversationState> Conversations => Set<ConversationState>();

    public DbSet<InboxUpdate> Inbox => Set<InboxUpdate>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

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
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(o => o.Channel).HasMaxLength(16);
            e.Property(o => o.ChatId).HasMaxLength(64);
            e.Property(o => o.LastError).HasMaxLength(300);
            e.HasIndex(o => new { o.Status, o.Priority, o.NotBefore });
            e.HasIndex(o => new { o.Channel, o.ChatId, o.Status });
            e.HasIndex(o => o.BroadcastId);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
