using System.Globalization;
using System.Text;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using static Antq.Bot.Tests.Pledges.PledgeJourneys;

namespace Antq.Bot.Tests.Pledges;

public sealed class CoverageChatTests
{
    [Fact]
    public async Task Officers_see_the_coverage_of_their_ward_and_admins_of_the_city_with_the_same_numbers_as_the_verb()
    {
        var campaign = CampaignFile(-30, 30);
        await using var bot = await TestBot.StartAsync(s => s["Content:PledgesFile"] = campaign);
        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = Path.Combine(bot.Folder, "paper.csv");
        await File.WriteAllTextAsync(file, PaperPledgeTests.Valid.Replace("2026-03-02", yesterday, StringComparison.Ordinal)
            .Replace("2026-03-05", yesterday, StringComparison.Ordinal).Replace("2026-03-06", yesterday, StringComparison.Ordinal)
            .Replace("2026-04-01", yesterday, StringComparison.Ordinal).Replace("2026-04-02", yesterday, StringComparison.Ordinal), new UTF8Encoding(false));
        var setting = "--Content:PledgesFile=" + campaign;
        Assert.Contains("added 14 pledge(s)", (await RunVerbAsync(bot.DatabaseFile, "pledges", "import", file, setting)).Out, StringComparison.Ordinal);
        var year = Today.Year.ToString(CultureInfo.InvariantCulture);

        var officer = await bot.OfficerAsync(705_100, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        officer.Says("/coverage");
        var text = await officer.Sees($"📊 Kết quả ký cam kết năm {year} — Phường Chi Lăng");
        Assert.Contains("Khối, thôn có cam kết: 2/14", text.Text, StringComparison.Ordinal);
        Assert.Contains("Đã ký: 3 hộ gia đình · 1 hộ kinh doanh · 1 giáo viên, học sinh · 0 cá nhân", text.Text, StringComparison.Ordinal);
        Assert.Contains("• Khối 1: 2 hộ GĐ · 0 hộ KD · 0 GV, HS · 0 cá nhân · 6 cam kết", text.Text, StringComparison.Ordinal);
        Assert.Contains("• Khối 2: chưa có cam kết", text.Text, StringComparison.Ordinal);
        var csv = await DocumentAsync(bot, officer.ChatId);
        Assert.Equal($"bao-phu-cam-ket-{year}-chi-lang.csv", csv.FileName);
        var verb = await RunVerbAsync(bot.DatabaseFile, "pledges", "coverage", "--ward", "chi-lang", "--format", "csv", setting);
        Assert.Equal(Lines(verb.Out), Lines(csv.Text));
        Assert.Contains($"{year},chi-lang,Chi Lăng,chi-lang-k3,Khối 3,1,1,1,0,2,0,3,1,6", Lines(csv.Text));

        var admin = await bot.OfficerAsync(705_101, "Đại úy Minh", OfficerRole.Admin, null);
        admin.Says("/coverage");
        var city = await admin.Sees($"📊 Kết quả ký cam kết năm {year} — Thành phố Lạng Sơn");
        Assert.Contains("Khối, thôn có cam kết: 3/87", city.Text, StringComparison.Ordinal);
        Assert.Contains("• Xã Mai Pha: 1/8 khối, thôn · 0 hộ GĐ · 0 hộ KD · 0 GV, HS · 1 cá nhân · 2 cam kết", city.Text, StringComparison.Ordinal);
        var whole = await DocumentAsync(bot, admin.ChatId);
        var all = await RunVerbAsync(bot.DatabaseFile, "pledges", "coverage", "--format", "csv", setting);
        Assert.Equal(Lines(all.Out), Lines(whole.Text));

        var resident = await bot.SignedUpAsync(705_102);
        resident.Says("/coverage");
        await resident.Sees("Không có lệnh /coverage.");
    }

    /// <summary>The CSV file sent to a chat (as a document upload), with its UTF-8 byte-order mark checked and removed.</summary>
    private static async Task<(string FileName, string Text)> DocumentAsync(TestBot bot, string chatId)
    {
        var call = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == chatId, ChatScript.Patience);
        var file = Assert.Single(call.Files);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content.Take(3));
        return (file.FileName, System.Text.Encoding.UTF8.GetString(file.Content.AsSpan(3)));
    }

    private static string[] Lines(string text) => text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
