using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tests.Changes;
using Antq.Core.Tips;

namespace Antq.Core.Tests.Tips;

/// <summary>A tip's page data on a real SQLite file.</summary>
public sealed class SqliteTipDetailsTests() : TipDetailsTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresTipDetailsTests() : TipDetailsTests(DatabaseProvider.Postgres);

/// <summary>What the console's page of one tip reads: in scope only, the whole history, no tipster behind an anonymous tip.</summary>
public abstract class TipDetailsTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private TipDetails Details => new(Contexts);

    [Fact]
    public async Task A_tip_of_another_ward_reads_as_no_tip_at_all()
    {
        var outsider = await AddOfficerAsync("officer-9", Areas.Wards[^1].Id);
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var tip = await AddTipAsync(anonymous: true, reporterName: null);

        Assert.Null(await Details.ReadAsync(outsider, tip, CancellationToken.None));
        Assert.Null(await Details.ReadAsync(admin, tip + 1000, CancellationToken.None));
        Assert.NotNull(await Details.ReadAsync(admin, tip, CancellationToken.None));
    }

    [Fact]
    public async Task The_page_holds_the_attachments_and_the_whole_history_oldest_first_with_the_officers_names()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var colleague = await AddOfficerAsync("officer-2", Ward);
        var tip = await AddTipAsync(anonymous: true, reporterName: null, assignee: colleague.Id);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.TipEvents.AddRange(
                new TipEvent { TipId = tip, At = Now.AddMinutes(3), Kind = TipEventKind.InternalNote, OfficerId = officer.Id, Text = "Chờ camera." },
                new TipEvent { TipId = tip, At = Now, Kind = TipEventKind.Submitted, ToStatus = TipStatus.New },
                new TipEvent { TipId = tip, At = Now.AddMinutes(5), Kind = TipEventKind.Assigned, OfficerId = officer.Id, AssigneeOfficerId = colleague.Id },
                new TipEvent { TipId = tip, At = Now.AddMinutes(4), Kind = TipEventKind.TipsterReply, Text = "Tôi gửi thêm ảnh." });
            await db.SaveChangesAsync();
        }

        var page = await Details.ReadAsync(officer, tip, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(["photo-0", "photo-1"], page.Tip.Attachments.Select(a => a.FileId));
        Assert.Equal([TipEventKind.Submitted, TipEventKind.InternalNote, TipEventKind.TipsterReply, TipEventKind.Assigned], page.Events.Select(e => e.Event.Kind));
        Assert.Equal(officer.DisplayName, page.Events[1].OfficerName);
        Assert.Null(page.Events[2].OfficerName);
        Assert.Equal((officer.DisplayName, colleague.DisplayName), (page.Events[3].OfficerName, page.Events[3].AssigneeName));
        Assert.Equal(colleague.DisplayName, page.AssignedOfficerName);
    }

    [Fact]
    public async Task An_anonymous_tips_page_never_names_the_tipster_but_a_named_tip_keeps_the_name_given()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var anonymous = await AddTipAsync(anonymous: true, reporterName: "Nguyễn Thị Hoa");
        var named = await AddTipAsync(anonymous: false, reporterName: "Trần Văn Nam");

        Assert.Null((await Details.ReadAsync(officer, anonymous, CancellationToken.None))!.Tip.ReporterName);
        Assert.Equal("Trần Văn Nam", (await Details.ReadAsync(officer, named, CancellationToken.None))!.Tip.ReporterName);
    }

    private async Task<long> AddTipAsync(bool anonymous, string? reporterName, long? assignee = null)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tip = new Tip
        {
            Code = TrackingCode.New(), CategoryId = "theft", WardId = Ward, OccurredWhen = "now", Description = "Trộm xe máy trong hẻm.",
            Anonymous = anonymous, ReporterName = reporterName, Language = "vi", CreatedAt = Now, AssignedOfficerId = assignee,
            Attachments = [.. Enumerable.Range(0, 2).Select(i => new TipAttachment { Kind = AttachmentKind.Photo, FileId = "photo-" + i, Channel = "telegram" })],
        };
        db.Tips.Add(tip);
        await db.SaveChangesAsync();
        return tip.Id;
    }
}
