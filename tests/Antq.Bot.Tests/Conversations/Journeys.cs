using Antq.Testing;

namespace Antq.Bot.Tests.Conversations;

/// <summary>The common ways into a conversation, so a test starts where its story starts.</summary>
internal static class Journeys
{
    /// <summary>/start in Vietnamese, consent given: the chat is asked for its ward.</summary>
    public static async Task<ChatScript> AtWardStepAsync(this TestBot bot, long chatId)
    {
        var chat = bot.Chat(chatId);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Tôi đồng ý");
        await chat.SeesAll("Cảm ơn", "phường, xã nào");
        return chat;
    }

    /// <summary>A resident signed up in Vietnamese in the given ward and unit, following the given topics, at the main menu.</summary>
    public static async Task<ChatScript> SignedUpAsync(this TestBot bot, long chatId, string ward = "Phường Chi Lăng", string unit = "Khối 2", params string[] topics)
    {
        var chat = await bot.AtWardStepAsync(chatId);
        chat.Taps(ward);
        await chat.Sees("khối, thôn nào");
        chat.Taps(unit);
        await chat.Sees("nội dung nào");
        foreach (var topic in topics)
        {
            chat.Taps(topic);
            await chat.Sees("nội dung nào");
        }

        chat.Taps("Xong");
        if (topics.Length == 0)
        {
            await chat.Sees("chỉ nhận tin khẩn cấp");
            chat.Taps("Đúng, chỉ nhận tin khẩn cấp");
        }

        // The main menu comes on the answer itself.
        var done = await chat.Sees("Đăng ký xong");
        Assert.Contains(done.Buttons, b => b.Text == "📝 Gửi tin báo cho công an");
        return chat;
    }
}
