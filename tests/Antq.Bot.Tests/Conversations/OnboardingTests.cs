using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

public sealed class OnboardingTests
{
    [Fact]
    public async Task A_resident_signs_up_in_Vietnamese_and_reaches_the_main_menu()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(5001);

        chat.Says("/start");
        await chat.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        chat.Taps("Tiếng Việt");
        var notice = await chat.Sees("Thông báo về dữ liệu cá nhân");
        Assert.Contains("tin nhắn qua lại giữa bạn và bot, giữ 30 ngày rồi tự xoá", notice.Text, StringComparison.Ordinal);
        chat.Taps("Tôi đồng ý");
        Assert.Contains("Cảm ơn bạn đã đồng ý.", (await chat.Sees("Bạn đang sống ở phường, xã nào của Thành phố Lạng Sơn?")).Text, StringComparison.Ordinal);
        chat.Taps("Phường Hoàng Văn Thụ");
        await chat.Sees("Bạn ở khối, thôn nào của Phường Hoàng Văn Thụ? (trang 1/2)");
        chat.Taps("Trang sau");
        await chat.Sees("(trang 2/2)");
        chat.Taps("Khối 14");
        await chat.Sees("Bạn muốn nhận tin về những nội dung nào?");
        chat.Taps("An toàn giao thông");
        var toggled = await chat.Sees("Bạn muốn nhận tin về những nội dung nào?");
        Assert.Contains(toggled.Buttons, b => b.Text == "✅ An toàn giao thông");
        chat.Taps("Phòng cháy, chữa cháy");
        await chat.Sees("Bạn muốn nhận tin");
        chat.Taps("Xong");
        var menu = await chat.Sees("Khu vực: Khối 14, Phường Hoàng Văn Thụ\nNội dung theo dõi: An toàn giao thông; Phòng cháy, chữa cháy");
        Assert.Equal(["📝 Gửi tin báo cho công an", "🔎 Tra cứu tin báo", "✍️ Ký cam kết", "📅 Sự kiện", "ℹ️ Thông tin, hỏi đáp, liên hệ", "⚙️ Cài đặt", "🔒 Dữ liệu của tôi"], menu.Buttons.Select(b => b.Text));

        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Equal(("telegram", "5001", "vi", "hoang-van-thu", "hoang-van-thu-k14"), (resident.Channel, resident.ChatId, resident.Language, resident.WardId, resident.UnitId));
        Assert.Equal(Topics.Traffic | Topics.Fire, resident.Topics);
        Assert.NotNull(resident.ConsentedAt);
        Assert.Equal(ResidentStatus.Active, resident.Status);
    }

    [Fact]
    public async Task A_resident_signs_up_in_English_typing_the_ward_without_diacritics()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(5002, "en");

        chat.Says("hello");
        await chat.Sees("Which language would you like to use?");
        chat.Taps("English");
        var notice = await chat.Sees("About your personal data");
        Assert.Contains("the messages between you and the bot, kept 30 days and then deleted", notice.Text, StringComparison.Ordinal);
        chat.Taps("I agree");
        Assert.Contains("Thank you for agreeing.", (await chat.Sees("Which ward or commune of Thành phố Lạng Sơn do you live in?")).Text, StringComparison.Ordinal);
        chat.Says("mai pha");
        await chat.Sees("Which residential unit of Mai Pha commune do you live in?");
        chat.Says("na chuong");
        await chat.Sees("What would you like to hear about?");
        chat.Taps("Select all");
        await chat.Sees("What would you like to hear about?");
        chat.Taps("Done");
        await chat.Sees("Area: Thôn Nà Chuông, Mai Pha commune\nTopics: Security and public order, Traffic safety, Fire prevention, Festivals and events");

        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Equal(("en", "mai-pha", Topics.All), (resident.Language, resident.WardId, resident.Topics));
    }

    [Fact]
    public async Task Refusing_consent_keeps_only_the_refusal_and_explains_what_still_works()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(5003);

        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Không đồng ý");
        await chat.Sees("gọi 113 (công an), 114 (cứu nạn, cứu hộ, cháy nổ), 115 (cấp cứu)");

        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Null(resident.ConsentedAt);
        Assert.NotNull(resident.ConsentRefusedAt);
        Assert.Null(resident.WardId);
        Assert.Equal(Topics.None, resident.Topics);

        chat.Says("xin chào");
        await chat.Sees("Bạn chưa đồng ý cho chúng tôi lưu thông tin");
    }

    [Fact]
    public async Task A_resident_who_refused_can_sign_up_later_on_the_same_record_and_is_counted_then()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(5005);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Không đồng ý");
        await chat.Sees("gọi 113");

        Assert.Empty(await bot.QueryAsync(db => db.ResidentTallies.Where(t => t.Residents != 0).ToListAsync()));

        chat.Says("/start");
        await chat.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Tôi đồng ý");
        Assert.Contains("Cảm ơn bạn đã đồng ý.", (await chat.Sees("phường, xã nào")).Text, StringComparison.Ordinal);
        chat.Taps("Phường Tam Thanh");
        await chat.Sees("khối, thôn nào");
        chat.Says("Khối 1");
        await chat.Sees("Bạn muốn nhận tin");
        chat.Taps("Xong");
        await chat.Sees("chỉ nhận tin khẩn cấp");
        chat.Taps("Đúng, chỉ nhận tin khẩn cấp");
        await chat.Sees("Đăng ký xong!");
        var consented = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Null(consented.ConsentRefusedAt);
        Assert.NotNull(consented.ConsentedAt);
        Assert.Equal(("tam-thanh", "tam-thanh-k1", ResidentStatus.Active), (consented.WardId, consented.UnitId, consented.Status));

        // Counted for the report from now on (a trigger on the same statement keeps the running count).
        var tally = await bot.QueryAsync(db => db.ResidentTallies.Where(t => t.Residents != 0).ToListAsync());
        var counted = Assert.Single(tally);
        Assert.Equal(("tam-thanh", "tam-thanh-k1", 1), (counted.WardId, counted.UnitId, counted.Residents));
    }

    [Fact]
    public async Task A_conversation_continues_at_the_same_step_after_a_restart()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(5004);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Tôi đồng ý");
        Assert.Contains("Cảm ơn", (await chat.Sees("phường, xã nào")).Text, StringComparison.Ordinal);

        await bot.RestartAsync();

        chat.Taps("Phường Tam Thanh");
        await chat.Sees("Bạn ở khối, thôn nào của Phường Tam Thanh?");
        var state = await bot.QueryAsync(db => db.Conversations.SingleAsync());
        Assert.Equal(("onboarding", "unit"), (state.Flow, state.Step));
    }
}
