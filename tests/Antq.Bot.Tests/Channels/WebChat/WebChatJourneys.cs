using System.Net.Http.Headers;
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
        Assert.Contains("Cảm ơn", (await visitor.Sees("phường, xã nào")).Text, StringComparison.Ordinal);
    }

    /// <summary>From the ward step: Chi Lăng, Khối 2, no topics; the visitor is at the main menu.</summary>
    public static async Task FinishesSignUpAsync(this WebChatScript visitor)
    {
        await visitor.Taps("Phường Chi Lăng");
        await visitor.Sees("khối, thôn nào");
        await visitor.Taps("Khối 2");
        await visitor.Sees("nội dung nào");
        await visitor.Taps("Xong");
        await visitor.Sees("chỉ nhận tin khẩn cấp");
        await visitor.Taps("Đúng, chỉ nhận tin khẩn cấp");
        await visitor.Sees("Đăng ký xong");
    }

    /// <summary>From the main menu: a drugs tip at the visitor's own place, happening now, described; the bot asks for files.</summary>
    public static async Task ToTipMediaStepAsync(this WebChatScript visitor)
    {
        await visitor.Says("/tip");
        await visitor.Sees("Tin của bạn về việc gì?");
        await visitor.Taps("Ma tuý");
        await visitor.Sees("xảy ra ở đâu?");
        await visitor.Taps("nơi tôi ở");
        await visitor.Sees("xảy ra khi nào?");
        await visitor.Taps("Đang xảy ra");
        await visitor.Sees("Bạn mô tả sự việc");
        await visitor.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        await visitor.Sees("Bạn có ảnh");
    }

    /// <summary>From the files step: done, anonymous, sent; returns the tracking code as shown ("K7QM-3XPA").</summary>
    public static async Task<string> SendsAnonymousTipAsync(this WebChatScript visitor)
    {
        await visitor.Taps("Xong");
        await visitor.Sees("ẩn danh");
        await visitor.Taps("Gửi ẩn danh");
        await visitor.Sees("Bạn kiểm tra lại tin báo");
        await visitor.Taps("Gửi tin báo");
        var sent = await visitor.Sees("Mã theo dõi: ");
        return sent.Text.Substring(sent.Text.IndexOf("Mã theo dõi: ", StringComparison.Ordinal) + "Mã theo dõi: ".Length, 9);
    }

    /// <summary>The page's photo post: multipart field "photo", with the anti-forgery token.</summary>
    public static HttpRequestMessage PhotoPost(this WebChatScript visitor, byte[] bytes, string type = "image/jpeg")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var form = new MultipartFormDataContent { { file, "photo", "IMG_20261129_nha-rieng.jpg" } };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/photos", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-Antq-Token", visitor.Token);
        return request;
    }

    /// <summary>From the main menu: an anonymous tip about drugs in the visitor's unit, no files, at the review.</summary>
    public static async Task AtTipReviewAsync(this WebChatScript visitor)
    {
        await visitor.ToTipMediaStepAsync();
        await visitor.Taps("Không có tệp");
        await visitor.Sees("ẩn danh");
        await visitor.Taps("Gửi ẩn danh");
        await visitor.Sees("Bạn kiểm tra lại tin báo");
    }
}
