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
}
