using Antq.Bot.Tests.Channels.WebChat;
using Antq.Bot.Tests.Channels.Zalo;
using Antq.Testing;

namespace Antq.Bot.Tests.Tips;

/// <summary>The place and file steps of a tip say what each channel really offers.</summary>
public sealed class ChannelPromptTests
{
    [Fact]
    public async Task On_the_web_chat_the_place_step_names_the_location_button_and_the_file_step_asks_for_photos_within_its_limit()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:MaxPhotoBytes"] = (3 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
        });
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();

        await visitor.Says("/tip");
        await visitor.Sees("Tin của bạn về việc gì?");
        await visitor.Taps("Ma tuý");
        var place = await visitor.Sees("xảy ra ở đâu?");
        Assert.Contains("bấm nút 📍 Chia sẻ vị trí cạnh ô nhập tin", place.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("📎", place.Text, StringComparison.Ordinal);
        await visitor.Taps("nơi tôi ở");
        await visitor.Sees("xảy ra khi nào?");
        await visitor.Taps("Đang xảy ra");
        await visitor.Sees("Bạn mô tả sự việc");
        await visitor.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        var media = await visitor.Sees("Bạn có ảnh nào không?");
        Assert.Contains("JPEG, PNG hoặc WebP (tối đa 5 ảnh, mỗi ảnh tối đa 3 MB)", media.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("video", media.Text, StringComparison.Ordinal);

        await visitor.Says("không có");
        Assert.Contains("bấm nút 📷", (await visitor.Sees("Ở bước này bạn gửi ảnh")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Telegram_the_place_step_names_the_attachment_menu_and_the_file_step_takes_any_file_under_20_MB()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtTipCategoryAsync(9401);

        chat.Taps("Ma tuý");
        var place = await chat.Sees("Việc này xảy ra ở đâu?");
        Assert.Contains("gửi vị trí (bấm 📎 rồi chọn Vị trí)", place.Text, StringComparison.Ordinal);
        chat.Taps("nơi tôi ở");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        var media = await chat.Sees("Bạn có ảnh, video, ghi âm hoặc tệp nào không?");
        Assert.Contains("mỗi tệp dưới 20 MB", media.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Zalo_the_place_step_names_Zalos_own_menu()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = await bot.ZaloSignedUpAsync("zp-9402");

        await user.Taps("Gửi tin báo cho công an");
        await user.Sees("Tin của bạn về việc gì?");
        await user.Taps("Ma tuý");
        var place = await user.Sees("Việc này xảy ra ở đâu?");
        Assert.Contains("bấm ••• cạnh ô nhập tin rồi chọn Vị trí", place.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("📎", place.Text, StringComparison.Ordinal);
    }
}
