using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Storage;

/// <summary>
/// The single writer on a real SQLite file: the write-ahead log is copied back in the background; long holds are
/// counted. (Group commits on both providers: <see cref="GroupWriterTests"/>.)
/// </summary>
public sealed class StorageTests : SqliteFileTests
{
    private GroupWriter Writer => Services.GetRequiredService<GroupWriter>();

    private WriteGate Gate => Services.GetRequiredService<WriteGate>();

    [Fact]
    public async Task Commits_leave_the_log_to_the_background_checkpoint_which_copies_it_into_the_database_file()
    {
        var file = DatabaseFile;
        var before = new FileInfo(file).Length;
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Writer.WriteAsync((scope, ct) => GroupWriterTests.InsertAsync(scope, new string('x', 2000) + i, ct))));
        Assert.Equal(before, new FileInfo(file).Length);

        var checkpointer = new WalCheckpointer(Contexts, Gate, NullLogger<WalCheckpointer>.Instance);
        var logPages = await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(logPages > 100, $"the log held {logPages} pages");
        Assert.True(new FileInfo(file).Length > before + (400 * 2000), "the rows reached the database file");
        Assert.Equal(400, await CountAsync("xx%"));
    }

    [Fact]
    public async Task A_hold_of_the_writer_over_fifty_milliseconds_is_counted_under_its_holder()
    {
        var gate = new WriteGate();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // A short hold is not counted.
        }

        using (await gate.EnterAsync(CancellationToken.None))
        {
            await Task.Delay(WriteGate.LongHold + TimeSpan.FromMilliseconds(30));
        }

        var (holder, count) = Assert.Single(gate.LongHolds());
        Assert.Equal("StorageTests.A_hold_of_the_writer_over_fifty_milliseconds_is_counted_under_its_holder", holder);
        Assert.Equal(1, count.Count);
        Assert.True(count.Longest > WriteGate.LongHold, $"the longest hold was {count.Longest}");
    }

    private async Task<long> CountAsync(string chatLike)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Inbox.LongCountAsync(i => EF.Functions.Like(i.ChatId, chatLike));
    }
}
