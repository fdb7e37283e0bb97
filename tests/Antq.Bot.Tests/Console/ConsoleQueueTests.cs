using System.Net;
using Antq.Core.Tips;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The tips queue at /console: the officer's scope, counts by status, filters, search and paging.</summary>
public sealed class ConsoleQueueTests
{
    [Fact]
    public async Task The_queue_lists_the_wards_tips_newest_first_with_counts_filters_search_and_pages()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var start = bot.Clock.GetUtcNow().UtcDateTime;
        await bot.QueryAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.Tips.Add(new Tip
                {
                    Code = "QQQQ" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)[1..] + "A",
                    CategoryId = i % 2 == 0 ? "drugs" : "traffic", WardId = "chi-lang", UnitId = "chi-lang-k2", OccurredWhen = "today",
                    Description = i == 7 ? "Xe máy không biển số chạy lòng vòng trong ngõ" : "Tụ tập đông người gây mất trật tự số " + i,
                    Language = "vi", Anonymous = true, Status = i < 3 ? TipStatus.Closed : TipStatus.New, CreatedAt = start.AddMinutes(-60 + i),
                    FirstResponseAt = i < 3 ? start.AddMinutes(-50 + i) : null,
                });
            }

            db.Tips.Add(new Tip
            {
                Code = "WWWW2222", CategoryId = "drugs", WardId = "dong-kinh", OccurredWhen = "today", Description = "Tin của phường khác, không được thấy",
                Language = "vi", Anonymous = true, CreatedAt = start,
            });
            return await db.SaveChangesAsync();
        });
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var first = await client.GetStringAsync("/console");
        Assert.Contains("30 tin báo", first, StringComparison.Ordinal);
        Assert.Contains("Trang 1/2", first, StringComparison.Ordinal);
        Assert.DoesNotContain("WWWW", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("QQQQ-029A", StringComparison.Ordinal) < first.IndexOf("QQQQ-028A", StringComparison.Ordinal), "newest first");
        Assert.Contains("Đã kết thúc <span class=\"count\">3</span>", first, StringComparison.Ordinal);
        Assert.Contains("Mới tiếp nhận <span class=\"count\">27</span>", first, StringComparison.Ordinal);

        var second = await client.GetStringAsync("/console?p=2");
        Assert.Contains("QQQQ-000A", second, StringComparison.Ordinal);
        Assert.Contains("10 phút", second, StringComparison.Ordinal);

        // Diacritics aside: "xe may" finds "Xe máy".
        var search = await client.GetStringAsync("/console?q=xe+may");
        Assert.Contains("1 tin báo", search, StringComparison.Ordinal);
        Assert.Contains("QQQQ-007A", search, StringComparison.Ordinal);

        var closed = await client.GetStringAsync("/console?status=Closed&category=drugs");
        Assert.Contains("2 tin báo", closed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console?from=2020-01-01&to=2020-01-02&files=true&mine=true")).StatusCode);
        Assert.Contains("0 tin báo", await client.GetStringAsync("/console?from=2020-01-01&to=2020-01-02"), StringComparison.Ordinal);
    }
}
