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

/// <summary>Internal notes and assignment built with their dependencies alone, on a real SQLite file.</summary>
public sealed class SqliteTipNoteAndAssignTests() : TipNoteAndAssignTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresTipNoteAndAssignTests() : TipNoteAndAssignTests(DatabaseProvider.Postgres);

/// <summary>
/// The console's notes and assignments are domain changes like the chat's: recorded in the tip's history (one audit
/// trail), refused outside the acting officer's ward.
/// </summary>
public abstract class TipNoteAndAssignTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static readonly TipCatalog Catalog = TipCatalog.Load(Path.Combine(RepoRoot.Path, "config", "tip-categories.json"));

    private readonly TipRouteSeal _seal = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private TipCard Card => new(Catalog, Areas, Texts);

    private TipCardCopies Copies => new([], Texts, new TipMessaging(Options.Create(new TipOptions()), _seal));

    private static string OtherWard => Areas.Wards[^1].Id;

    [Fact]
    public async Task An_internal_note_is_kept_in_the_tips_history_and_never_reaches_the_tipster()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var tip = await SubmitAsync("resident-42");
        var queuedBefore = (await QueuedAsync()).Count;

        var context = await ApplyAsync(new AddTipNoteHandler(Texts), new AddTipNote(tip.Id, officer.Id, "  Đã gọi tổ trưởng tổ 3 xác minh.  "), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        var note = await db.TipEvents.AsNoTracking().SingleAsync(e => e.Kind == TipEventKind.InternalNote);
        Assert.Equal((tip.Id, officer.Id, "Đã gọi tổ trưởng tổ 3 xác minh.", Now), (note.TipId, note.OfficerId!.Value, note.Text, note.At));
        var queued = await QueuedAsync();
        Assert.Equal(queuedBefore, queued.Count);
        Assert.DoesNotContain(queued, o => o.ChatId == "resident-42");
        Assert.Equal(Texts.Get(Languages.Officers, "officer.note_saved", TrackingCode.Display(tip.Code)), RepliesText(context));
    }

    [Fact]
    public async Task An_empty_note_is_not_saved()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var tip = await SubmitAsync("resident-42");

        await ApplyAsync(new AddTipNoteHandler(Texts), new AddTipNote(tip.Id, officer.Id, "   "), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.TipEvents.AnyAsync(e => e.Kind == TipEventKind.InternalNote));
    }

    [Fact]
    public async Task An_officer_of_another_ward_can_neither_note_nor_assign_a_tip()
    {
        var ward = await AddOfficerAsync("officer-1", Ward);
        var outsider = await AddOfficerAsync("officer-9", OtherWard);
        var tip = await SubmitAsync("resident-42");

        var noted = await ApplyAsync(new AddTipNoteHandler(Texts), new AddTipNote(tip.Id, outsider.Id, "Xem trộm."), From("console"));
        var assigned = await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, outsider.Id, ward.Id), From("console"));
        var taken = await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, outsider.Id, outsider.Id), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Null((await db.Tips.AsNoTracking().SingleAsync()).AssignedOfficerId);
        Assert.Equal([TipEventKind.Submitted], await db.TipEvents.AsNoTracking().Select(e => e.Kind).ToListAsync());
        var refused = Texts.Get(Languages.Officers, "officer.tip_not_found");
        Assert.All([noted, assigned, taken], c => Assert.Equal(refused, RepliesText(c)));
    }

    [Fact]
    public async Task An_officer_id_that_is_no_officer_cannot_act_on_a_tip()
    {
        await AddOfficerAsync("officer-1", Ward);
        var tip = await SubmitAsync("resident-42");

        await ApplyAsync(new AddTipNoteHandler(Texts), new AddTipNote(tip.Id, 9999, "Không ai."), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.TipEvents.CountAsync());
    }

    [Fact]
    public async Task Assigning_a_tip_tells_the_assignee_in_their_chat_and_is_recorded()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var colleague = await AddOfficerAsync("officer-2", Ward);
        var tip = await SubmitAsync("resident-42");
        var queuedBefore = (await QueuedAsync()).Count;

        var context = await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, officer.Id, colleague.Id), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(colleague.Id, (await db.Tips.AsNoTracking().SingleAsync()).AssignedOfficerId);
        var assigned = await db.TipEvents.AsNoTracking().SingleAsync(e => e.Kind == TipEventKind.Assigned);
        Assert.Equal((officer.Id, colleague.Id), (assigned.OfficerId!.Value, assigned.AssigneeOfficerId!.Value));
        var notice = Assert.Single((await QueuedAsync()).Skip(queuedBefore));
        Assert.Equal(colleague.ChatId, notice.ChatId);
        var text = OutboxWriter.Read(notice).Text;
        Assert.Contains(Texts.Get(Languages.Officers, "officer.tip_assigned_to_you", officer.DisplayName, TrackingCode.Display(tip.Code)), text, StringComparison.Ordinal);
        Assert.Contains("Có người lạ bẻ khóa xe máy trong hẻm.", text, StringComparison.Ordinal);
        Assert.Contains(colleague.DisplayName, RepliesText(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_a_tip_oneself_sends_no_notice()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var tip = await SubmitAsync("resident-42");
        var queuedBefore = (await QueuedAsync()).Count;

        await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, officer.Id, officer.Id), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(officer.Id, (await db.Tips.AsNoTracking().SingleAsync()).AssignedOfficerId);
        Assert.Equal(queuedBefore, (await QueuedAsync()).Count);
    }

    [Fact]
    public async Task A_tip_cannot_be_given_to_an_officer_who_does_not_cover_its_ward()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var outsider = await AddOfficerAsync("officer-9", OtherWard);
        var tip = await SubmitAsync("resident-42");

        var context = await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, admin.Id, outsider.Id), From("console"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Null((await db.Tips.AsNoTracking().SingleAsync()).AssignedOfficerId);
        Assert.Equal(Texts.Get(Languages.Officers, "officer.assignee_not_covering", TrackingCode.Display(tip.Code)), RepliesText(context));
        Assert.DoesNotContain(await QueuedAsync(), o => o.ChatId == outsider.ChatId);
    }

    [Fact]
    public async Task Notes_and_assignments_made_in_the_console_show_in_the_chats_view_of_the_tip()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var colleague = await AddOfficerAsync("officer-2", Ward);
        var tip = await SubmitAsync("resident-42");
        await ApplyAsync(new AddTipNoteHandler(Texts), new AddTipNote(tip.Id, officer.Id, "Chờ camera của quán."), From("console"));
        await ApplyAsync(new AssignTipHandler(Texts, Card, Copies), new AssignTip(tip.Id, officer.Id, colleague.Id), From("console"));

        var context = await ApplyAsync(new ShowTipHandler(Texts, Card), new ShowTip(tip.Code), From(colleague.ExternalUserId));

        var shown = RepliesText(context);
        Assert.Contains("Chờ camera của quán.", shown, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Languages.Officers, "officer.thread_assigned", Core.Locale.LocalTime.Format(Now, Languages.Officers), officer.DisplayName, colleague.DisplayName), shown, StringComparison.Ordinal);
    }

    private async Task<Tip> SubmitAsync(string userId)
    {
        var messaging = new TipMessaging(Options.Create(new TipOptions()), _seal);
        await ApplyAsync(
            new SubmitTipHandler(_seal, Texts, Areas, Card, messaging),
            new SubmitTip(new TipDraft { CategoryId = Catalog.Categories[0].Id, WardId = Ward, Description = "Có người lạ bẻ khóa xe máy trong hẻm.", Anonymous = true }, "vi"),
            From(userId));
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Tips.AsNoTracking().SingleAsync();
    }
}
