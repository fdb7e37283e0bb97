using Antq.Core.Audit;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tests.Changes;
using Antq.Core.Tips;

namespace Antq.Core.Tests.Audit;

/// <summary>The audit log on a real SQLite file.</summary>
public sealed class SqliteAuditLogTests() : AuditLogTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresAuditLogTests() : AuditLogTests(DatabaseProvider.Postgres);

/// <summary>Who did what to which tip or broadcast: one log of the chat's and the console's actions, in scope.</summary>
public abstract class AuditLogTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static string OtherWard => Areas.Wards[^1].Id;

    private AuditLog Log => new(Contexts);

    [Fact]
    public async Task Tip_history_and_broadcasts_come_newest_first_with_the_officers_names()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var officer = await AddOfficerAsync("officer-1", Ward);
        var colleague = await AddOfficerAsync("officer-2", Ward);
        var tip = await AddTipAsync("ABCD2345", Ward);
        await AddEventsAsync(
            new TipEvent { TipId = tip, At = Now, Kind = TipEventKind.Submitted, ToStatus = TipStatus.New },
            new TipEvent { TipId = tip, At = Now.AddMinutes(10), Kind = TipEventKind.StatusChanged, OfficerId = officer.Id, FromStatus = TipStatus.New, ToStatus = TipStatus.InProgress },
            new TipEvent { TipId = tip, At = Now.AddMinutes(30), Kind = TipEventKind.Assigned, OfficerId = officer.Id, AssigneeOfficerId = colleague.Id });
        await AddBroadcastAsync(officer.Id, Ward, Now.AddMinutes(20), "Cảnh giác lừa đảo qua điện thoại.");

        var page = await Log.ReadAsync(admin, new AuditFilter(), CancellationToken.None);

        Assert.Equal(4, page.Total);
        Assert.Equal([AuditAction.TipAssigned, AuditAction.BroadcastCreated, AuditAction.TipStatusChanged, AuditAction.TipSubmitted], page.Entries.Select(e => e.Action));
        var assigned = page.Entries[0];
        Assert.Equal(("ABCD2345", officer.DisplayName, colleague.DisplayName), (assigned.Code, assigned.OfficerName, assigned.AssigneeName));
        Assert.Equal("Cảnh giác lừa đảo qua điện thoại.", page.Entries[1].Detail);
        Assert.Equal(TipStatus.InProgress, page.Entries[2].ToStatus);
        Assert.Null(page.Entries[3].OfficerId);
    }

    [Fact]
    public async Task A_tracking_code_gives_that_tips_history_alone()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var wanted = await AddTipAsync("ABCD2345", Ward);
        var other = await AddTipAsync("WXYZ6789", Ward);
        await AddEventsAsync(
            new TipEvent { TipId = wanted, At = Now, Kind = TipEventKind.Submitted },
            new TipEvent { TipId = other, At = Now, Kind = TipEventKind.Submitted },
            new TipEvent { TipId = wanted, At = Now.AddMinutes(1), Kind = TipEventKind.InternalNote, OfficerId = admin.Id, Text = "Ghi chú." });
        await AddBroadcastAsync(admin.Id, Ward, Now, "Thông báo.");

        var page = await Log.ReadAsync(admin, new AuditFilter { Search = "abcd-2345" }, CancellationToken.None);

        Assert.Equal(2, page.Total);
        Assert.All(page.Entries, e => Assert.Equal(wanted, e.TipId));
    }

    [Fact]
    public async Task An_officers_name_is_found_whatever_its_diacritics_and_the_action_narrows_it()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var officer = await AddOfficerAsync("officer-1", Ward);
        var tip = await AddTipAsync("ABCD2345", Ward);
        await AddEventsAsync(
            new TipEvent { TipId = tip, At = Now, Kind = TipEventKind.InternalNote, OfficerId = officer.Id, Text = "Ghi chú." },
            new TipEvent { TipId = tip, At = Now.AddMinutes(1), Kind = TipEventKind.OfficerReply, OfficerId = officer.Id, Text = "Đã nhận." },
            new TipEvent { TipId = tip, At = Now.AddMinutes(2), Kind = TipEventKind.InternalNote, OfficerId = admin.Id, Text = "Của quản trị." });
        await AddBroadcastAsync(officer.Id, Ward, Now, "Thông báo.");

        // The officers are named "Cán bộ officer-1" and "Cán bộ admin-1".
        var byName = await Log.ReadAsync(admin, new AuditFilter { Search = "CAN BO OFFICER" }, CancellationToken.None);
        var notes = await Log.ReadAsync(admin, new AuditFilter { Search = "cán bộ officer", Action = AuditAction.TipInternalNote }, CancellationToken.None);

        Assert.Equal(3, byName.Total);
        Assert.All(byName.Entries, e => Assert.Equal(officer.Id, e.OfficerId));
        Assert.Equal("Ghi chú.", Assert.Single(notes.Entries).Detail);
    }

    [Fact]
    public async Task An_officer_reads_nothing_of_another_ward()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var outsider = await AddOfficerAsync("officer-9", OtherWard);
        var tip = await AddTipAsync("ABCD2345", OtherWard);
        await AddEventsAsync(new TipEvent { TipId = tip, At = Now, Kind = TipEventKind.InternalNote, OfficerId = outsider.Id, Text = "Việc của phường khác." });
        await AddBroadcastAsync(outsider.Id, OtherWard, Now, "Thông báo của phường khác.");

        var page = await Log.ReadAsync(officer, new AuditFilter { WardId = OtherWard, Search = "ABCD2345" }, CancellationToken.None);
        var all = await Log.ReadAsync(officer, new AuditFilter { WardId = OtherWard }, CancellationToken.None);

        Assert.Empty(page.Entries);
        Assert.Empty(all.Entries);
        Assert.Equal(0, all.Total);
    }

    [Fact]
    public async Task Pages_run_across_tips_and_broadcasts_in_one_order()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        var tip = await AddTipAsync("ABCD2345", Ward);
        for (var i = 0; i < 5; i++)
        {
            await AddEventsAsync(new TipEvent { TipId = tip, At = Now.AddMinutes(2 * i), Kind = TipEventKind.InternalNote, OfficerId = admin.Id, Text = $"Ghi chú {2 * i}" });
            await AddBroadcastAsync(admin.Id, Ward, Now.AddMinutes((2 * i) + 1), $"Thông báo {(2 * i) + 1}");
        }

        var second = await Log.ReadAsync(admin, new AuditFilter { Page = 2, PageSize = 4 }, CancellationToken.None);

        Assert.Equal(10, second.Total);
        Assert.Equal(["Thông báo 5", "Ghi chú 4", "Thông báo 3", "Ghi chú 2"], second.Entries.Select(e => e.Detail));
    }

    private async Task<long> AddTipAsync(string code, string ward)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tip = new Tip { Code = code, CategoryId = "theft", WardId = ward, OccurredWhen = "now", Description = "Trộm xe máy.", Anonymous = true, Language = "vi", CreatedAt = Now };
        db.Tips.Add(tip);
        await db.SaveChangesAsync();
        return tip.Id;
    }

    private async Task AddEventsAsync(params TipEvent[] events)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.TipEvents.AddRange(events);
        await db.SaveChangesAsync();
    }

    private async Task AddBroadcastAsync(long officerId, string ward, DateTime at, string text)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Broadcasts.Add(new Broadcast { OfficerId = officerId, Text = text, WardIds = ward, ScheduledFor = at, CreatedAt = at });
        await db.SaveChangesAsync();
    }
}
