using System.Text.Json;
using System.Text.Json.Nodes;
using Antq.Bot.Channels.WebChat;
using Antq.Core.Conversations;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>What the page posts and what the flows get, as a case table in Payloads/webchat/posts.json.</summary>
public sealed class WebChatMapperTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly WebChatVisitor Visitor = new(new string('s', 43), "visitor-chat", false);
    private static readonly DateTimeOffset Now = new(2026, 8, 19, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Table())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_post_becomes_the_message_the_flows_get_or_is_refused_with_a_reason(string name)
    {
        var item = Table().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var post = item["post"].Deserialize<WebChatPost>(Json)!;

        var message = WebChatMapper.Map(post, Visitor, Now, out var problem);

        Assert.Equal(item["problem"]?.GetValue<string>(), problem);
        if (problem is not null)
        {
            Assert.Null(message);
            return;
        }

        Assert.NotNull(message);
        Assert.Equal((WebChatChannel.ChannelName, "visitor-chat", "visitor-chat", Now), (message.Channel, message.ChatId, message.UserId, message.SentAt));
        Assert.Equal(Enum.Parse<InboundKind>(item["kind"]!.GetValue<string>()), message.Kind);
        Assert.Equal(item["text"]?.GetValue<string>(), message.Text);
        Assert.Equal(item["button"]?.GetValue<string>(), message.ButtonData);
        Assert.Equal(item["buttonMessageId"]?.GetValue<string>(), message.ButtonMessageId);
        Assert.Equal(item["languageHint"]?.GetValue<string>(), message.LanguageHint);
        var location = item["latitude"] is { } lat ? new GeoPoint(lat.GetValue<double>(), item["longitude"]!.GetValue<double>()) : null;
        Assert.Equal(location, message.Location);
    }

    [Fact]
    public void The_same_post_id_from_one_visitor_is_one_update_and_from_another_visitor_is_not()
    {
        var post = new WebChatPost("retry-1", "xin chào", null, null, null, null);
        var other = Visitor with { ChatId = "other-chat" };

        var first = WebChatMapper.Map(post, Visitor, Now, out _)!;
        var again = WebChatMapper.Map(post, Visitor, Now, out _)!;
        var elsewhere = WebChatMapper.Map(post, other, Now, out _)!;

        Assert.Equal(first.UpdateId, again.UpdateId);
        Assert.NotEqual(first.UpdateId, elsewhere.UpdateId);
        Assert.True(first.UpdateId.Length <= 64);
    }

    [Theory]
    [InlineData("FFD8FFE000104A464946000101", "image/jpeg")]
    [InlineData("89504E470D0A1A0A0000000D49484452", "image/png")]
    [InlineData("524946462400000057454250565038", "image/webp")]
    [InlineData("474946383961", null)] // GIF
    [InlineData("3C7376672078", null)] // "<svg x": markup, whatever the browser calls it
    [InlineData("", null)]
    public void A_photo_is_known_by_its_first_bytes(string head, string? type)
    {
        Assert.Equal(type, Antq.Core.Conversations.ImageFormat.Sniff(Convert.FromHexString(head))?.MimeType);
    }

    private static JsonArray Table() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "webchat", "posts.json")))!.AsArray();
}
