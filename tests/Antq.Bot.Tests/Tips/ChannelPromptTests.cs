using System.Text.Json.Nodes;
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

    [Fact]
    public async Task On_Zalo_the_file_step_asks_for_what_Zalo_delivers_and_takes_voice_notes_and_files_within_the_limit()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = await bot.ZaloSignedUpAsync("zp-9403");
        await user.Taps("Gửi tin báo cho công an");
        await user.Sees("Tin của bạn về việc gì?");
        await user.Taps("Ma tuý");
        await user.Sees("Việc này xảy ra ở đâu?");
        await user.Taps("nơi tôi ở");
        await user.Sees("xảy ra khi nào?");
        await user.Taps("Đang xảy ra");
        await user.Sees("Bạn mô tả sự việc");
        await user.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");

        // Zalo delivers photos, videos, voice notes and files (user_send_image, _video, _audio, _file); the limit is the service's.
        var media = await user.Sees("Bạn có ảnh, video, ghi âm hoặc tệp nào không?");
        Assert.Contains("tối đa 5 tệp, mỗi tệp dưới 20 MB", media.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("📷", media.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("JPEG", media.Text, StringComparison.Ordinal);

        await user.PostAsync(user.Event("user_send_audio", Attached(user, "voice", new JsonObject { ["url"] = "https://voice-dl.zadn.vn/ghi-am-1.aac" })));
        await user.Sees("Đã nhận 1/5 tệp");
        await user.PostAsync(user.Event("user_send_file", Attached(user, "file", new JsonObject { ["url"] = "https://f1.zdn.vn/so-do.pdf", ["name"] = "so-do.pdf", ["size"] = "184320", ["type"] = "pdf" })));
        await user.Sees("Đã nhận 2/5 tệp");
        await user.PostAsync(user.Event("user_send_file", Attached(user, "file", new JsonObject { ["url"] = "https://f1.zdn.vn/video-dai.mp4", ["name"] = "video-dai.mp4", ["size"] = (25 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), ["type"] = "mp4" })));
        await user.Sees("Tệp này lớn quá (tối đa 20 MB mỗi tệp)");
    }

    /// <summary>A Zalo message carrying one attachment of <paramref name="type"/>.</summary>
    private static JsonObject Attached(ZaloScript user, string type, JsonObject payload)
    {
        var message = user.Message("");
        message.Remove("text");
        message["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = payload });
        return message;
    }
}
