using System.Net;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>The Zalo OA channel through the real host: signed webhook events in, the fake Zalo API out.</summary>
public sealed class ZaloChannelTests
{
    [Fact]
    public async Task A_follower_signs_up_over_Zalo_with_every_choice_within_five_buttons()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("246845883529197922");

        Assert.Equal(HttpStatusCode.OK, (await user.Follows()).StatusCode);
        await user.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        await user.Taps("Tiếng Việt");
        await user.Sees("Thông báo về dữ liệu cá nhân");
        await user.Taps("Tôi đồng ý");
        var wards = await user.Sees("Bạn đang sống ở phường, xã nào của Thành phố Lạng Sơn?");
        Assert.Contains("Cảm ơn bạn đã đồng ý.", wards.Text, StringComparison.Ordinal);
        Assert.Empty(wards.Buttons);
        Assert.Contains("\n8. Xã Quảng Lạc\n9. « Quay lại", wards.Text, StringComparison.Ordinal);
        Assert.EndsWith("Gõ số (1–9) để chọn.", wards.Text, StringComparison.Ordinal);
        await user.Taps("Phường Hoàng Văn Thụ");
        await user.Sees("(trang 1/2)");
        await user.Taps("Trang sau");
        await user.Sees("(trang 2/2)");
        await user.Taps("Khối 14");
        await user.Sees("Bạn muốn nhận tin về những nội dung nào?");
        await user.Taps("An toàn giao thông");
        await user.Sees("Bạn muốn nhận tin về những nội dung nào?");
        await user.Taps("Xong");
        await user.Sees("Khu vực: Khối 14, Phường Hoàng Văn Thụ\nNội dung theo dõi: An toàn giao thông");

        Assert.All(bot.Zalo!.Sent, s => Assert.InRange(s.Buttons.Count, 0, 5));
        Assert.All(bot.Zalo.Sent, s => Assert.All(s.Buttons, b => Assert.Equal("oa.query.show", b.Type)));
        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Equal(("zalo", "246845883529197922", "hoang-van-thu", "hoang-van-thu-k14", Topics.Traffic), (resident.Channel, resident.ChatId, resident.WardId, resident.UnitId, resident.Topics));
        Assert.Equal([FakeZaloApi.FirstRefreshToken], bot.Zalo.Refreshes.Select(r => r.RefreshToken));
    }
}
