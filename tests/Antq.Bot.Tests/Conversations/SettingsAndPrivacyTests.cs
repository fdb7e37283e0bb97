using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

public sealed class SettingsAndPrivacyTests
{
    [Fact]
    public async Task Settings_change_language_area_and_topics_and_each_change_is_saved()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(9101, "Xã Quảng Lạc", "Thôn Pò Nằm", "An toàn giao thông");

        chat.Taps("Cài đặt");
        await chat.Sees("Cài đặt của bạn");
        chat.Taps("Nội dung theo dõi");
        await chat.Sees("nội dung nào");
        chat.Taps("Tin an ninh, trật tự");
        await chat.Sees("nội dung nào");
        chat.Taps("Xong");
        await chat.SeesAll("Đã lưu thay đổi.", "Nội dung theo dõi: Tin an ninh, trật tự; An toàn giao thông");
        Assert.Equal(Topics.Security | Topics.Traffic, await bot.QueryAsync(db => db.Residents.Select(r => r.Topics).SingleAsync()));

        chat.Taps("Khu vực");
        await chat.Sees("phường, xã nào");
        chat.Says("dong kinh");
        await chat.Sees("Phường Đông Kinh");
        chat.Says("khối 3");
        await chat.SeesAll("Đã lưu thay đổi.", "Khu vực: Khối 3, Phường Đông Kinh");

        chat.Taps("Ngôn ngữ");
        await chat.Sees("Which language");
        chat.Taps("English");
        await chat.SeesAll("Saved.", "Your settings");
        chat.Taps("Done");
        await chat.Sees("What do you need?");

        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Equal(("en", "dong-kinh", "dong-kinh-k3"), (resident.Language, resident.WardId, resident.UnitId));
    }

    [Fact]
    public async Task Privacy_shows_what_is_stored_and_delete_me_erases_it_after_confirmation()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(9102, "Xã Quảng Lạc", "Thôn Pò Nằm", "An toàn giao thông");

        chat.Says("/privacy");
        var stored = await chat.Sees("Dữ liệu chúng tôi đang lưu về bạn");
        Assert.Contains("Xã Quảng Lạc", stored.Text, StringComparison.Ordinal);
        Assert.Contains("An toàn giao thông", stored.Text, StringComparison.Ordinal);
        Assert.Contains("Tin nhắn giữa bạn và bot: giữ 30 ngày rồi tự xoá", stored.Text, StringComparison.Ordinal);

        chat.Says("/delete_me");
        await chat.Sees("Bạn có chắc muốn xoá toàn bộ dữ liệu của mình?");
        chat.Taps("Không, giữ lại");
        await chat.Sees("Dữ liệu của bạn được giữ nguyên.");
        Assert.Equal(1, await bot.QueryAsync(db => db.Residents.CountAsync()));

        chat.Says("/delete_me");
        await chat.Sees("Bạn có chắc");
        chat.Taps("Xoá dữ liệu của tôi");
        await chat.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        Assert.Equal(0, await bot.QueryAsync(db => db.Residents.CountAsync()));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.ChatId == chat.ChatId && i.Payload != null)));
        Assert.True(await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.ChatId == chat.ChatId)) <= 1);

        chat.Says("/privacy");
        await chat.Sees("Chúng tôi không lưu thông tin nào về bạn.");
    }

    [Fact]
    public async Task Start_for_a_signed_up_resident_welcomes_them_back_to_the_menu()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(9103);

        chat.Says("/start");
        await chat.Sees("Chào mừng bạn quay lại!");
        chat.Taps("Gửi tin báo");
        await chat.Sees("Tin của bạn về việc gì?");
        chat.Says("/cancel");
        await chat.Sees("Đã dừng việc đang làm.");
        chat.Says("cho hỏi chút");
        await chat.Sees("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
    }
}
