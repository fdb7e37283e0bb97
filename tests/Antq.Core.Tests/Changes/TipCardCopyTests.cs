using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tests.Areas;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Changes;

/// <summary>Every officer's copy of a tip's card follows a status change, on a real SQLite file.</summary>
public sealed class SqliteTipCardCopyTests() : TipCardCopyTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server (the copies are found by a text search in the outbox).</summary>
public sealed class PostgresTipCardCopyTests() : TipCardCopyTests(DatabaseProvider.Postgres);

/// <summary>
/// A copy sent is edited in place, one still queued goes out as the tip is now, one on its way is followed by the
/// current card, and a channel that cannot edit (Zalo) gets a short line instead of a stale card's buttons.
/// </summary>
public abstract class TipCardCopyTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static readonly TipCatalog Catalog = TipCatalog.Load(Path.Combine(RepoRoot.Path, "config", "tip-categories.json"));

    private readonly TipRouteSeal _seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private readonly IOptions<TipOptions> _options = Options.Create(new TipOptions());

    private TipCard Card => new(Catalog, Areas, Texts);

    private TipMessaging Messaging => new(_options, _seal);

    [Fact]
    public async Task Every_copy_of_a_card_follows_a_status_change_as_far_as_its_channel_allows()
    {
        foreach (var id in new[] { "acting", "sent", "queued", "on-its-way" })
        {
            await AddOfficerAsync(id, Ward);
        }

        await AddZaloOfficerAsync("8402000000000001");
        await ApplyAsync(
            new SubmitTipHandler(_seal, Texts, Areas, Card, Messaging),
            new SubmitTip(new TipDraft { CategoryId = Catalog.Categories[0].Id, WardId = Ward, Description = "Có người lạ bẻ khóa xe máy trong hẻm.", Anonymous = true }, "vi"),
            From("resident-42"));
        await SetAsync("acting", DeliveryStatus.Sent, "900");
        await SetAsync("sent", DeliveryStatus.Sent, "501");
        await SetAsync("on-its-way", DeliveryStatus.InFlight, null);
        await SetAsync("8402000000000001", DeliveryStatus.Sent, "77");
        var before = (await QueuedAsync()).Max(o => o.Id);
        var code = (await QueuedAsync()).Select(o => OutboxWriter.Read(o)).First(m => m.KeepsMessageId).Buttons.SelectMany(r => r).Select(b => TipActionButton.Parse(b.Data)!.Argument).First();
        var copies = new TipCardCopies([new CannotEdit()], Texts, Messaging);

        var context = await ApplyAsync(new ChangeTipStatusHandler(Texts, Card, _options, Messaging, copies), new ChangeTipStatus(code, TipStatus.InProgress) { Card = "900" }, From("acting"));

        var state = "Đang xử lý — Cán bộ acting nhận xử lý";
        Assert.Equal("900", Assert.Single(context.Replies).ReplacesMessageId);
        var rows = await QueuedAsync();
        var added = rows.Where(o => o.Id > before && o.ChatId != "resident-42").ToDictionary(o => o.ChatId, o => OutboxWriter.Read(o));
        Assert.Equal(["8402000000000001", "on-its-way", "sent"], added.Keys.Order(StringComparer.Ordinal));

        var edit = added["sent"];
        Assert.Equal("501", edit.ReplacesMessageId);
        Assert.Contains("Tình trạng: " + state, edit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(edit.Buttons.SelectMany(r => r), b => TipActionButton.Parse(b.Data)!.Action == TipAction.Take);

        var followed = added["on-its-way"];
        Assert.Null(followed.ReplacesMessageId);
        Assert.True(followed.KeepsMessageId);
        Assert.Contains("Tình trạng: " + state, followed.Text, StringComparison.Ordinal);

        var queued = OutboxWriter.Read(rows.Single(o => o.ChatId == "queued"));
        Assert.Equal(DeliveryStatus.Queued, rows.Single(o => o.ChatId == "queued").Status);
        Assert.Contains("Tình trạng: " + state, queued.Text, StringComparison.Ordinal);

        var zalo = added["8402000000000001"];
        Assert.Equal(Texts.Get(Languages.Officers, "officer.card_moved_on", TrackingCode.Display(code), state), zalo.Text);
        Assert.Equal(TipAction.Open, TipActionButton.Parse(Assert.Single(zalo.Buttons.SelectMany(r => r)).Data)!.Action);
    }

    private async Task AddZaloOfficerAsync(string userId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Officers.Add(new Officer { Channel = "zalo", ExternalUserId = userId, ChatId = userId, DisplayName = "Cán bộ Zalo", Role = OfficerRole.Officer, WardId = Ward, AddedAt = Now });
        await db.SaveChangesAsync();
    }

    /// <summary>The officer's card as the dispatcher leaves it: sent with its channel id, or on its way.</summary>
    private async Task SetAsync(string chatId, DeliveryStatus status, string? messageId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Outbox.Where(o => o.ChatId == chatId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.ChannelMessageId, messageId));
    }

    /// <summary>A channel like Zalo: a sent message cannot be edited.</summary>
    private sealed class CannotEdit : IChannelSender
    {
        public string Channel => "zalo";

        public ChannelLimits Limits { get; } = new(1, 1, 1);

        public ChannelCapabilities Capabilities { get; } = new(MaxButtons: 5, CanEdit: false, MaxTextLength: 2000, LocationInput: true);

        public Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing is sent in these tests.");
    }
}
