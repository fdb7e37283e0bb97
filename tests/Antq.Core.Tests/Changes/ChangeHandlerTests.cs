using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Tests.Areas;
using Antq.Core.Tests.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Antq.Core.Tests.Changes;

/// <summary>
/// A change handler built by hand with its dependencies, applied to a real SQLite file in a transaction as the engine
/// applies it: no host and no service provider, so a handler's constructor is all it may depend on. Each set runs on
/// a SQLite file and on the tests' PostgreSQL server.
/// </summary>
public abstract class ChangeHandlerTests(DatabaseProvider provider) : DatabaseTests(provider)
{
    protected static readonly AreaTree Areas = AreaTreeLoader.Load(Path.Combine(RepoRoot.Path, "config", "areas.json"));

    protected static readonly TextCatalog Texts = TextCatalog.LoadEmbedded();

    protected static readonly DateTime Now = new(2026, 3, 14, 2, 0, 0, DateTimeKind.Utc);

    protected static string Ward => Areas.Wards[0].Id;

    protected static InboundMessage From(string userId, string channel = "telegram") =>
        new() { Channel = channel, UpdateId = "u-" + Guid.NewGuid().ToString("N")[..8], ChatId = userId, UserId = userId, Kind = InboundKind.Text };

    /// <summary>Applies the change in one transaction with what it sends, as the engine does, committed, and returns the context (its replies to the sender).</summary>
    protected async Task<ChangeContext> ApplyAsync<TChange>(IChangeHandler<TChange> handler, TChange change, InboundMessage input, DateTime? at = null)
        where TChange : DomainChange
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var scope = new WriteScope(db, db.Database.GetDbConnection(), transaction.GetDbTransaction(), []);
        var context = new ChangeContext(db, input, at ?? Now) { Scope = scope };
        await handler.ApplyAsync(change, context, CancellationToken.None);
        await db.SaveChangesAsync();
        await OutboxWriter.WriteAsync(scope, context.Sends, context.Now, CancellationToken.None);
        await transaction.CommitAsync();
        return context;
    }

    protected async Task<Officer> AddOfficerAsync(string userId, string? wardId, OfficerRole role = OfficerRole.Officer)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var officer = new Officer { Channel = "telegram", ExternalUserId = userId, ChatId = userId, DisplayName = "Cán bộ " + userId, Role = role, WardId = wardId, AddedAt = Now };
        db.Officers.Add(officer);
        await db.SaveChangesAsync();
        return officer;
    }

    /// <summary>A resident who consented yesterday, following <paramref name="topics"/>.</summary>
    protected async Task AddResidentAsync(string userId, string wardId, Topics topics)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Residents.Add(new Resident { Channel = "telegram", ExternalUserId = userId, ChatId = userId, Language = "vi", WardId = wardId, Topics = topics, ConsentedAt = Now.AddDays(-1), CreatedAt = Now.AddDays(-1), UpdatedAt = Now.AddDays(-1) });
        await db.SaveChangesAsync();
    }

    /// <summary>What was queued for other chats, as (chat, payload) pairs.</summary>
    protected async Task<List<OutboxMessage>> QueuedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    protected static string RepliesText(ChangeContext context) => string.Join("\n", context.Replies.Select(r => r.Text));
}
