using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Storage.Migrations;
using Antq.Core.Tests.Changes;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tests.Tips;

/// <summary>The console's queue on a real SQLite file.</summary>
public sealed class SqliteTipQueueTests() : TipQueueTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresTipQueueTests() : TipQueueTests(DatabaseProvider.Postgres);

/// <summary>The console's tips queue: scope, filters, search, paging and counts, read from a migrated database.</summary>
public abstract class TipQueueTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static string OtherWard => Areas.Wards[^1].Id;

    private TipQueue Queue => new(Contexts);

    [Fact]
    public async Task An_officer_sees_only_their_own_wards_tips_whatever_ward_the_filter_names()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Trộm xe máy ở đầu hẻm.", ward: Ward);
        await AddTipAsync("Đánh nhau ở chợ đêm.", ward: OtherWard, status: TipStatus.InProgress);

        var page = await Queue.ReadAsync(officer, new TipQueueFilter { WardId = OtherWard }, CancellationToken.None);

        var row = Assert.Single(page.Rows);
        Assert.Equal(Ward, row.WardId);
        Assert.Equal(1, page.Total);
        Assert.Equal(0, page.CountsByStatus[TipStatus.InProgress]);
        Assert.Empty((await Queue.ReadAsync(officer, new TipQueueFilter { Search = "chợ đêm" }, CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task An_admin_sees_the_city_and_may_narrow_it_to_one_ward()
    {
        var admin = await AddOfficerAsync("admin-1", null, OfficerRole.Admin);
        await AddTipAsync("Trộm xe máy ở đầu hẻm.", ward: Ward);
        await AddTipAsync("Đánh nhau ở chợ đêm.", ward: OtherWard);

        Assert.Equal(2, (await Queue.ReadAsync(admin, new TipQueueFilter(), CancellationToken.None)).Total);
        var narrowed = await Queue.ReadAsync(admin, new TipQueueFilter { WardId = OtherWard }, CancellationToken.None);
        Assert.Equal(OtherWard, Assert.Single(narrowed.Rows).WardId);

        // Words searched across the city: the tips of every ward, and no question.
        await AddTipAsync("Hỏi về đánh nhau ở chợ đêm?", ward: Ward, kind: TipKind.Question);
        var searched = await Queue.ReadAsync(admin, new TipQueueFilter { Search = "cho dem" }, CancellationToken.None);
        Assert.Equal("Đánh nhau ở chợ đêm.", Assert.Single(searched.Rows).Excerpt);
    }

    [Fact]
    public async Task An_officer_without_a_ward_sees_no_tips_rather_than_the_city()
    {
        var officer = await AddOfficerAsync("officer-1", null);
        await AddTipAsync("Trộm xe máy ở đầu hẻm.", ward: Ward);

        var page = await Queue.ReadAsync(officer, new TipQueueFilter(), CancellationToken.None);

        Assert.Empty(page.Rows);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task The_queue_lists_newest_first_a_page_at_a_time()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        for (var i = 0; i < 30; i++)
        {
            await AddTipAsync($"Tin báo số {i}.", created: Now.AddMinutes(-i));
        }

        var first = await Queue.ReadAsync(officer, new TipQueueFilter { PageSize = 25 }, CancellationToken.None);
        var second = await Queue.ReadAsync(officer, new TipQueueFilter { Page = 2, PageSize = 25 }, CancellationToken.None);

        Assert.Equal(30, first.Total);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal("Tin báo số 0.", first.Rows[0].Excerpt);
        Assert.Equal(["Tin báo số 25.", "Tin báo số 26.", "Tin báo số 27.", "Tin báo số 28.", "Tin báo số 29."], second.Rows.Select(r => r.Excerpt));
        Assert.Empty((await Queue.ReadAsync(officer, new TipQueueFilter { Page = 3, PageSize = 25 }, CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task Counts_by_status_leave_out_the_status_filter_but_keep_the_others()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Một.", category: "theft");
        await AddTipAsync("Hai.", category: "theft", status: TipStatus.InProgress);
        await AddTipAsync("Ba.", category: "theft", status: TipStatus.InProgress);
        await AddTipAsync("Bốn.", category: "drugs", status: TipStatus.InProgress);

        var page = await Queue.ReadAsync(officer, new TipQueueFilter { CategoryId = "theft", Status = TipStatus.InProgress }, CancellationToken.None);

        Assert.Equal(["Ba.", "Hai."], page.Rows.Select(r => r.Excerpt).Order(StringComparer.Ordinal));
        Assert.Equal(2, page.Total);
        Assert.Equal(1, page.CountsByStatus[TipStatus.New]);
        Assert.Equal(2, page.CountsByStatus[TipStatus.InProgress]);
        Assert.Equal(0, page.CountsByStatus[TipStatus.Closed]);
    }

    [Fact]
    public async Task Words_of_the_text_are_found_whatever_their_diacritics_and_case()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Có người lạ BẺ KHÓA xe máy trong hẻm.", place: "Đường Hoàng Văn Thụ");
        await AddTipAsync("Xe tải chở hàng lậu lúc nửa đêm.");

        Assert.Equal("Có người lạ BẺ KHÓA xe máy trong hẻm.", Assert.Single(await SearchAsync(officer, "be khoa XE")).Excerpt);
        Assert.Single(await SearchAsync(officer, "duong hoang van thu"));
        Assert.Single(await SearchAsync(officer, "ĐƯỜNG"));

        // Every word must appear: "xe" is in both, "tải" in one.
        Assert.Equal(2, (await SearchAsync(officer, "xe")).Count);
        Assert.Equal("Xe tải chở hàng lậu lúc nửa đêm.", Assert.Single(await SearchAsync(officer, "xe tai")).Excerpt);
        Assert.Empty(await SearchAsync(officer, "xe tai khoa"));
    }

    [Fact]
    public async Task Text_typed_decomposed_is_found_like_any_other()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Người lạ ở khu trọ.".Normalize(System.Text.NormalizationForm.FormD));

        Assert.Single(await SearchAsync(officer, "nguoi la"));
        Assert.Single(await SearchAsync(officer, "Người lạ"));
    }

    [Fact]
    public async Task A_tracking_code_finds_its_own_tip_typed_in_any_case_with_or_without_its_dash()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var wanted = await AddTipAsync("Trộm xe máy.", code: "ABCD2345");
        await AddTipAsync("Tin khác nhắc mã ABCD2345 trong nội dung.", code: "WXYZ6789");

        var found = await SearchAsync(officer, "abcd-2345");

        Assert.Equal(wanted, Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_date_range_takes_whole_local_days_in_vietnam()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Ngày 13, 23:59 giờ Việt Nam.", created: new DateTime(2026, 3, 13, 16, 59, 0, DateTimeKind.Utc));
        await AddTipAsync("Ngày 14, 00:30 giờ Việt Nam.", created: new DateTime(2026, 3, 13, 17, 30, 0, DateTimeKind.Utc));
        await AddTipAsync("Ngày 14, 23:50 giờ Việt Nam.", created: new DateTime(2026, 3, 14, 16, 50, 0, DateTimeKind.Utc));
        await AddTipAsync("Ngày 15, 00:10 giờ Việt Nam.", created: new DateTime(2026, 3, 14, 17, 10, 0, DateTimeKind.Utc));

        var day = new DateOnly(2026, 3, 14);
        var page = await Queue.ReadAsync(officer, new TipQueueFilter { From = day, To = day }, CancellationToken.None);

        Assert.Equal(["Ngày 14, 23:50 giờ Việt Nam.", "Ngày 14, 00:30 giờ Việt Nam."], page.Rows.Select(r => r.Excerpt));
    }

    [Fact]
    public async Task Unit_attachments_and_assigned_to_me_narrow_the_queue()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var colleague = await AddOfficerAsync("officer-2", Ward);
        var unit = Areas.Wards[0].Units[0].Id;
        await AddTipAsync("Ở tổ dân phố, có ảnh, của tôi.", unit: unit, attachments: 2, assignee: officer.Id);
        await AddTipAsync("Ở tổ dân phố, không ảnh, của tôi.", unit: unit, assignee: officer.Id);
        await AddTipAsync("Ở tổ dân phố, có ảnh, của đồng chí khác.", unit: unit, attachments: 1, assignee: colleague.Id);
        await AddTipAsync("Không rõ tổ, có ảnh, của tôi.", attachments: 1, assignee: officer.Id);

        var page = await Queue.ReadAsync(officer, new TipQueueFilter { UnitId = unit, WithAttachments = true, AssignedToMe = true }, CancellationToken.None);

        var row = Assert.Single(page.Rows);
        Assert.Equal("Ở tổ dân phố, có ảnh, của tôi.", row.Excerpt);
        Assert.Equal(2, row.Attachments);
        Assert.Equal(officer.DisplayName, row.AssignedOfficerName);
    }

    [Fact]
    public async Task A_row_shows_when_the_tip_was_first_answered_and_the_start_of_its_text_on_one_line()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var text = "Dòng đầu.\nDòng thứ hai " + new string('x', 300);
        await AddTipAsync(text, firstResponse: Now.AddMinutes(42));

        var row = Assert.Single((await Queue.ReadAsync(officer, new TipQueueFilter(), CancellationToken.None)).Rows);

        Assert.Equal(Now, row.CreatedAt);
        Assert.Equal(Now.AddMinutes(42), row.FirstResponseAt);
        Assert.StartsWith("Dòng đầu. Dòng thứ hai xxx", row.Excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", row.Excerpt, StringComparison.Ordinal);
        Assert.True(row.Excerpt.Length <= TipQueue.ExcerptLength + 1);
    }

    [Fact]
    public async Task Questions_are_kept_apart_from_the_tips_queue()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        await AddTipAsync("Tin báo.");
        await AddTipAsync("Câu hỏi về thủ tục tạm trú?", kind: TipKind.Question);

        Assert.Equal("Tin báo.", Assert.Single((await Queue.ReadAsync(officer, new TipQueueFilter(), CancellationToken.None)).Rows).Excerpt);
        Assert.Equal("Câu hỏi về thủ tục tạm trú?", Assert.Single((await Queue.ReadAsync(officer, new TipQueueFilter { Kind = TipKind.Question }, CancellationToken.None)).Rows).Excerpt);
    }

    [Fact]
    public async Task A_row_of_an_anonymous_tip_carries_nothing_of_the_tipster()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);

        // Even a name left on an anonymous tip by older data must not reach the queue: a row has no place for it, and
        // searching for the name must not single the tip out either.
        await AddTipAsync("Có người buôn bán hàng cấm.", anonymous: true, reporterName: "Nguyễn Thị Hoa");

        var row = Assert.Single((await Queue.ReadAsync(officer, new TipQueueFilter(), CancellationToken.None)).Rows);
        Assert.DoesNotContain("Hoa", row.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await SearchAsync(officer, "Nguyễn Thị Hoa"));
    }

    [Fact]
    public async Task Tips_stored_before_the_search_column_are_folded_by_the_migration_as_the_service_folds_them()
    {
        var officer = await AddOfficerAsync("officer-1", Ward);
        var description = "CÓ NGƯỜI LẠ bẻ khóa xe máy, ĐƯỜNG tối. " + "Người lạ".Normalize(System.Text.NormalizationForm.FormD);
        await AddTipAsync(description, place: "Hẻm 12 Lý Thường Kiệt");
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "tips" SET "SearchText" = ''""");
        Assert.Empty(await SearchAsync(officer, "nguoi la"));

        await db.Database.ExecuteSqlRawAsync(TipQueueSearch.Backfill);

        var stored = await db.Database.SqlQueryRaw<string>("""SELECT "SearchText" AS "Value" FROM "tips" """).SingleAsync();
        Assert.Equal(TipSearch.TextOf(description, "Hẻm 12 Lý Thường Kiệt").Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal), stored.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal));
        Assert.Single(await SearchAsync(officer, "nguoi la be khoa duong ly thuong kiet"));
    }

    private async Task<IReadOnlyList<TipQueueRow>> SearchAsync(Officer officer, string search) =>
        (await Queue.ReadAsync(officer, new TipQueueFilter { Search = search }, CancellationToken.None)).Rows;

    private async Task<long> AddTipAsync(
        string description,
        string? ward = null,
        TipStatus status = TipStatus.New,
        DateTime? created = null,
        string category = "theft",
        string? place = null,
        string? unit = null,
        int attachments = 0,
        long? assignee = null,
        DateTime? firstResponse = null,
        TipKind kind = TipKind.Tip,
        bool anonymous = true,
        string? reporterName = null,
        string? code = null)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var tip = new Tip
        {
            Code = code ?? TrackingCode.New(), Kind = kind, CategoryId = category, WardId = ward ?? Ward, UnitId = unit, PlaceText = place,
            OccurredWhen = "now", Description = description, Anonymous = anonymous, ReporterName = reporterName, Language = "vi",
            Status = status, AssignedOfficerId = assignee, CreatedAt = created ?? Now, FirstResponseAt = firstResponse,
            Attachments = [.. Enumerable.Range(0, attachments).Select(i => new TipAttachment { Kind = AttachmentKind.Photo, FileId = "photo-" + i, Channel = "telegram" })],
        };
        db.Tips.Add(tip);
        await db.SaveChangesAsync();
        return tip.Id;
    }
}
