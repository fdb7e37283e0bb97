using Antq.Testing;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>The common ways into a Zalo conversation.</summary>
internal static class ZaloJourneys
{
    /// <summary>A Zalo user who followed the OA and signed up in Vietnamese in Khối 2, Phường Chi Lăng, at the main menu.</summary>
    public static async Task<ZaloScript> ZaloSignedUpAsync(this TestBot bot, string userId, params string[] topics)
    {
        var user = bot.ZaloUser(userId);
        await user.Follows();
        await user.Sees("ngôn ngữ");
        await user.Taps("Tiếng Việt");
        await user.Sees("Bạn có đồng ý không?");
        await user.Taps("Tôi đồng ý");
        Assert.Contains("Cảm ơn", (await user.Sees("phường, xã nào")).Text, StringComparison.Ordinal);
        await user.Taps("Phường Chi Lăng");
        await user.Sees("khối, thôn nào");
        await user.Taps("Khối 2");
        await user.Sees("nội dung nào");
        foreach (var topic in topics)
        {
            await user.Taps(topic);
            await user.Sees("nội dung nào");
        }

        await user.Taps("Xong");
        if (topics.Length == 0)
        {
            await user.Sees("chỉ nhận tin khẩn cấp");
            await user.Taps("Đúng, chỉ nhận tin khẩn cấp");
        }

        await user.Sees("Đăng ký xong");
        return user;
    }
}
