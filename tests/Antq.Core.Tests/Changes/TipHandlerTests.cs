using Antq.Core.Storage;
using System.Text;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Tests.Areas;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Changes;

/// <summary>The tip handlers built with their dependencies alone, on a real SQLite file.</summary>
public sealed class SqliteTipHandlerTests() : TipHandlerTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresTipHandlerTests() : TipHandlerTests(DatabaseProvider.Postgres);

public abstract class TipHandlerTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static readonly TipCatalog Catalog = TipCatalog.Load(Path.Combine(RepoRoot.Path, "config", "tip-categories.json"));

    private readonly TipRouteSeal _seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private readonly IOptions<TipOptions> _options = Options.Create(new TipOptions());

    private TipCard Card => new(Catalog, Areas, Texts);

    private TipMessaging Messaging => new(_options, _seal);

    [Fact]
    public async Task A_filed_tip_keeps_no_link_to_its_sender_and_its_card_goes_to_the_wards_officers_only()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var elsewhere = await AddOfficerAsync("officer-2", Areas.Wards[^1].Id);
        Assert.NotEqual(Ward, elsewhere.WardId);

        var context = await SubmitAsync("resident-42");

        await using var db = await Contexts.CreateDbContextAsync();
        var tip = await db.Tips.AsNoTracking().SingleAsync();
        Assert.True(tip.Anonymous);
        Assert.Null(tip.ReporterName);
        var route = await db.TipRoutes.AsNoTracking().SingleAsync(r => r.TipId == tip.Id);
        Assert.DoesNotContain("resident-42", Encoding.UTF8.GetString(route.Sealed), StringComparison.Ordinal);
        Assert.Equal(new TipperAddress("telegram", "resident-42", "resident-42"), _seal.Open(route.Sealed));

        var code = TrackingCode.Display(tip.Code);
        Assert.Contains(code, RepliesText(context), StringComparison.Ordinal);
        var queued = await QueuedAsync();
        var card = Assert.Single(queued);
        Assert.Equal(officer.ChatId, card.ChatId);
        Assert.Contains(code, OutboxWriter.Read(card).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("resident-42", card.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officers_reply_reaches_the_tipster_through_the_sealed_way_back()
    {
        await AddOfficerAsync("officer-1", Ward);
        await SubmitAsync("resident-42");
        var code = await CodeAsync();

        var context = await ApplyAsync(new OfficerReplyHandler(Texts, Messaging), new OfficerReply(code, "Chúng tôi đã cử người đến kiểm tra.", null), From("officer-1"));

        Assert.Contains(TrackingCode.Display(code), RepliesText(context), StringComparison.Ordinal);
        var toTipster = (await QueuedAsync()).Single(o => o.ChatId == "resident-42");
        Assert.Contains("Chúng tôi đã cử người đến kiểm tra.", OutboxWriter.Read(toTipster).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_tip_tells_the_tipster_and_lets_the_way_back_expire()
    {
        await AddOfficerAsync("officer-1", Ward);
        await SubmitAsync("resident-42");
        var code = await CodeAsync();
        var handler = new ChangeTipStatusHandler(Texts, Card, _options, Messaging, new TipCardCopies([], Texts, Messaging));

        await ApplyAsync(handler, new ChangeTipStatus(code, TipStatus.Closed, "Đã xử lý"), From("officer-1"));

        await using var db = await Contexts.CreateDbContextAsync();
        var tip = await db.Tips.AsNoTracking().SingleAsync();
        Assert.Equal(TipStatus.Closed, tip.Status);
        var route = await db.TipRoutes.AsNoTracking().SingleAsync();
        Assert.Equal(Now.AddDays(_options.Value.RouteRetentionDays), route.DeleteAfter);
        var toTipster = (await QueuedAsync()).Single(o => o.ChatId == "resident-42");
        Assert.Contains("Đã xử lý", OutboxWriter.Read(toTipster).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_who_is_not_an_officer_cannot_change_a_tips_status()
    {
        await SubmitAsync("resident-42");
        var code = await CodeAsync();

        var context = await ApplyAsync(new ChangeTipStatusHandler(Texts, Card, _options, Messaging, new TipCardCopies([], Texts, Messaging)), new ChangeTipStatus(code, TipStatus.Spam), From("resident-42"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(TipStatus.New, (await db.Tips.AsNoTracking().SingleAsync()).Status);
        Assert.Equal(Texts.Get(Languages.Officers, "officer.tip_not_found"), RepliesText(context));
    }

    private Task<Core.Conversations.ChangeContext> SubmitAsync(string userId) =>
        ApplyAsync(
            new SubmitTipHandler(_seal, Texts, Areas, Card, Messaging),
            new SubmitTip(new TipDraft { CategoryId = Catalog.Categories[0].Id, WardId = Ward, Description = "Có người lạ bẻ khóa xe máy trong hẻm.", Anonymous = true }, "vi"),
            From(userId));

    private async Task<string> CodeAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Tips.AsNoTracking().SingleAsync()).Code;
    }
}
