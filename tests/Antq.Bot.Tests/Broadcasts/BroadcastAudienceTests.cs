using System.Globalization;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastAudienceTests
{
    private static async Task SeedAsync(TestBot bot, params (long Chat, string Ward, string Unit, string Language)[] residents)
    {
        await bot.QueryAsync(db =>
        {
            foreach (var r in residents)
            {
                var id = r.Chat.ToString(CultureInfo.InvariantCulture);
                db.Residents.Add(new Resident
                {
                    Channel = "telegram", ExternalUserId = id, ChatId = id, Language = r.Language, WardId = r.Ward, UnitId = r.Unit,
                    Topics = Topics.Security, ConsentedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }

            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task An_officer_narrows_a_broadcast_to_chosen_units_and_one_language_and_cannot_reach_another_wards_unit()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_601, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(
            bot,
            (806_611, "chi-lang", "chi-lang-k1", "vi"),
            (806_612, "chi-lang", "chi-lang-k2", "vi"),
            (806_613, "chi-lang", "chi-lang-k2", "en"),
            (806_614, "chi-lang", "chi-lang-k3", "vi"),
            (806_615, "tam-thanh", "tam-thanh-k1", "vi"));

        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Says("Mời bà con khối 1, khối 2 họp bàn phương án giữ gìn an ninh trật tự tối thứ Bảy.");
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Tuyên truyền");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Khối 1");
        await officer.Sees("Gửi đến: Phường Chi Lăng (Khối 1).");
        officer.Taps("Khối 2");
        var units = await officer.Sees("Gửi đến: Phường Chi Lăng (Khối 1, Khối 2).");

        // A hand-made button for a unit of another ward is refused, and the choice so far is kept.
        officer.Send(UpdateFactory.Button(bot.NextUpdateId(), officer.Id, "bcunit:tam-thanh-k1", units.MessageId));
        await officer.Sees("không thuộc phường, xã đã chọn");
        await officer.Sees("Gửi đến: Phường Chi Lăng (Khối 1, Khối 2).");

        officer.Taps("Tiếng Việt");
        await officer.Sees("(Khối 1, Khối 2), chỉ người dùng tiếng Việt.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");
        var preview = await officer.SeesAll("Xem trước", "Mời bà con khối 1, khối 2", "Gửi đến: Phường Chi Lăng (Khối 1, Khối 2), chỉ người dùng tiếng Việt");
        Assert.Contains("Số người nhận (hiện tại): 2", preview.Text, StringComparison.Ordinal);
        officer.Taps("Xác nhận gửi");
        await officer.Sees("Đang gửi tin #1 đến 2 người");

        await bot.Chat(806_611).Sees("Mời bà con khối 1, khối 2");
        await bot.Chat(806_612).Sees("Mời bà con khối 1, khối 2");
        await officer.Sees("Đã gửi xong tin #1: 2 người nhận được");
        foreach (var silent in new[] { "806613", "806614", "806615" })
        {
            Assert.Empty(bot.Api.ShownTo(silent));
        }

        var stored = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(("chi-lang", "chi-lang-k1,chi-lang-k2", "vi"), (stored.WardIds, stored.UnitIds, stored.Language));
    }

    [Fact]
    public async Task An_admin_reaches_the_english_speakers_of_the_whole_city()
    {
        await using var bot = await TestBot.StartAsync();
        var admin = await bot.OfficerAsync(806_602, "Đại úy Minh", OfficerRole.Admin, null);
        await SeedAsync(bot, (806_621, "chi-lang", "chi-lang-k1", "vi"), (806_622, "mai-pha", "mai-pha-na-chuong", "en"), (806_623, "tam-thanh", "tam-thanh-k4", "en"));

        admin.Says("/broadcast");
        await admin.Sees("Soạn tin gửi người dân");
        admin.Says("Foreign residents: please register your temporary residence at the ward police post.");
        await admin.Sees("Tin thuộc chủ đề nào?");
        admin.Taps("Phổ biến pháp luật");
        await admin.Sees("Gửi đến đâu?");
        admin.Taps("Toàn thành phố");
        var refine = await admin.Sees("Gửi đến: Toàn thành phố.");
        Assert.DoesNotContain(refine.Buttons, b => b.Text.Contains("Khối", StringComparison.Ordinal));
        admin.Taps("English");
        await admin.Sees("Toàn thành phố, chỉ người dùng tiếng Anh.");
        admin.Taps("Tiếp tục");
        await admin.Sees("Gửi khi nào?");
        admin.Taps("Gửi ngay");
        var preview = await admin.SeesAll("Xem trước", "Foreign residents", "Gửi đến: Toàn thành phố, chỉ người dùng tiếng Anh");
        Assert.Contains("Số người nhận (hiện tại): 2", preview.Text, StringComparison.Ordinal);
        admin.Taps("Xác nhận gửi");
        await admin.Sees("Đang gửi tin #1 đến 2 người");
        await bot.Chat(806_622).Sees("Foreign residents");
        await bot.Chat(806_623).Sees("Foreign residents");
        Assert.Empty(bot.Api.ShownTo("806621"));
    }
}
