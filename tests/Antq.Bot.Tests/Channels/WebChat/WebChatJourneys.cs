using Antq.Testing;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The common way into a web chat conversation, so a test starts where its story starts.</summary>
internal static class WebChatJourneys
{
    /// <summary>/start in Vietnamese, consent given: the visitor is asked for their ward.</summary>
    public static async Task ToWardStepAsync(this WebChatScript visitor)
    {
        await visitor.Says("/start");
        await visitor.Sees("ngôn ngữ");
        await visitor.Taps("Tiếng Việt");
        await visitor.Sees("Bạn có đồng ý không?");
        await visitor.Taps("Tôi đồng ý");
        await visitor.Sees("Cảm ơn");
        await visitor.Sees("phường, xã nào");
    }

    /// <summary>From the ward step: Chi Lăng, Khối 2, no topics; the visitor is at the main menu.</summary>
    public static async Task FinishesSignUpAsync(this WebChatScript visitor)
    {
        await visitor.Taps("Phường Chi Lăng");
        await visitor.Sees("khối, thôn nào");
        await visitor.Taps("Khối 2");
        await visitor.Sees("nội dung nào");
        await visitor.Taps("Xong");
        await visitor.Sees("Đăng ký xong");
        await visitor.Sees("Bạn cần gì?");
    }
}
