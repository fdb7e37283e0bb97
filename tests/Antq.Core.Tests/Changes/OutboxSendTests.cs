using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Antq.Core.Tests.Changes;

/// <summary>The one way a change sends to other chats, and the one writer behind single and bulk rows.</summary>
public sealed class SqliteOutboxSendTests() : OutboxSendTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresOutboxSendTests() : OutboxSendTests(DatabaseProvider.Postgres);

public abstract class OutboxSendTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    [Fact]
    public async Task A_changes_message_to_another_chat_is_queued_only_with_the_turn_and_keeps_its_kind()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var context = new ChangeContext(db, From("officer-1"), Now);
        Assert.False(context.QueuedForOthers);

        context.Send("telegram", "officer-2", [new OutgoingMessage { Text = "Tin báo mới" }], DeliveryPriority.Reply, OutboxKind.Tip);
        await db.SaveChangesAsync();

        // Collected, not written: the engine knows it queued something because it writes it.
        Assert.True(context.QueuedForOthers);
        Assert.Empty(await db.Outbox.AsNoTracking().ToListAsync());

        var scope = new WriteScope(db, db.Database.GetDbConnection(), transaction.GetDbTransaction(), []);
        await OutboxWriter.WriteAsync(scope, context.Sends, context.Now, CancellationToken.None);
        await transaction.CommitAsync();

        var row = Assert.Single(await QueuedAsync());
        Assert.Equal(("telegram", "officer-2", DeliveryPriority.Reply, OutboxKind.Tip, DeliveryStatus.Queued), (row.Channel, row.ChatId, row.Priority, row.Kind, row.Status));
        Assert.Equal("Tin báo mới", OutboxWriter.Read(row).Text);
    }

    [Fact]
    public async Task Rows_queued_in_bulk_for_an_audience_are_the_rows_a_single_send_writes()
    {
        await AddResidentAsync("resident-1", Ward, Topics.Security);
        var notBefore = Now.AddHours(1);

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = await BroadcastAudience.ExpandAsync(WriteScope.Of(db), new OutgoingMessage { Text = "Cấm xe đường Lê Lợi" }, Topics.Security, [Ward], null, DeliveryPriority.Broadcast, Now, notBefore, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Equal(1, count);
        }

        var row = Assert.Single(await QueuedAsync());
        Assert.Equal(("telegram", "resident-1", DeliveryPriority.Broadcast, DeliveryStatus.Queued, 0), (row.Channel, row.ChatId, row.Priority, row.Status, row.Attempts));
        Assert.Equal((Now, notBefore), (row.CreatedAt, row.NotBefore));
        Assert.Null(row.LeaseUntil);
        Assert.Null(row.Kind);
        Assert.Equal("Cấm xe đường Lê Lợi", OutboxWriter.Read(row).Text);
    }

    [Fact]
    public async Task The_scope_counts_every_row_queued_in_it_single_or_bulk_but_not_rows_written_leased()
    {
        await AddResidentAsync("resident-1", Ward, Topics.Security);
        await AddResidentAsync("resident-2", Ward, Topics.Security);
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var scope = WriteScope.Of(db);
        var context = new ChangeContext(db, From("officer-1"), Now) { Scope = scope };

        // Rows written leased are handed to the dispatcher, not waited for: nothing to wake it for.
        await OutboxWriter.WriteLeasedAsync(scope, "telegram", "officer-1", [OutboxWriter.Payload(new OutgoingMessage { Text = "Đã nhận" })], DeliveryPriority.Reply, Now, Now.AddSeconds(30), "instance-a", CancellationToken.None);
        Assert.Equal(0, scope.Queued);
        Assert.False(context.QueuedForOthers);

        // A change's bulk rows are known to the engine through the scope, with no collected send.
        await BroadcastAudience.ExpandAsync(context.Turn, new OutgoingMessage { Text = "Cấm xe đường Lê Lợi" }, Topics.Security, [Ward], null, DeliveryPriority.Broadcast, Now, Now, CancellationToken.None);
        Assert.Equal(2, scope.Queued);
        Assert.True(context.QueuedForOthers);

        var rows = await OutboxWriter.WriteAsync(scope, [new OutboxSend("telegram", "officer-2", new OutgoingMessage { Text = "Báo cáo" }, DeliveryPriority.Reply, OutboxKind.Notice)], Now, CancellationToken.None);
        await transaction.CommitAsync();
        Assert.Equal(3, scope.Queued);

        // The row returned is the row written, id included (a broadcast's progress message is edited by it).
        var stored = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == rows[0].Id);
        Assert.Equal(("officer-2", OutboxKind.Notice, DeliveryStatus.Queued), (stored.ChatId, stored.Kind, stored.Status));
    }

    [Fact]
    public async Task A_job_cannot_queue_outside_a_transaction()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Throws<InvalidOperationException>(() => WriteScope.Of(db));
    }
}
