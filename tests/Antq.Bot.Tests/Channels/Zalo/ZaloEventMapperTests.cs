using System.Text.Json;
using System.Text.Json.Nodes;
using Antq.Bot.Channels.Zalo;
using Antq.Core.Conversations;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>Zalo webhook events as Zalo sends them, and what the flows get: a case table in Payloads/zalo/events.json.</summary>
public sealed class ZaloEventMapperTests
{
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
    public void An_event_becomes_the_message_the_flows_get_or_is_ignored(string name)
    {
        var item = Table().Single(c => c!["name"]!.GetValue<string>() == name)!;
        using var document = JsonDocument.Parse(item["event"]!.ToJsonString());

        var mapped = ZaloEventMapper.Map(document.RootElement);

        if (item["ignored"]?.GetValue<bool>() == true)
        {
            Assert.Null(mapped.Message);
            Assert.NotNull(mapped.IgnoredBecause);
            return;
        }

        var message = mapped.Message;
        Assert.NotNull(message);
        Assert.Equal(ZaloChannel.ChannelName, message.Channel);
        Assert.Equal(Enum.Parse<InboundKind>(item["kind"]!.GetValue<string>()), message.Kind);
        Assert.Equal(item["chat"]!.GetValue<string>(), message.ChatId);
        Assert.Equal(message.ChatId, message.UserId);
        Assert.InRange(message.UpdateId.Length, 1, 64);
        if (item["updateId"] is { } updateId)
        {
            Assert.Equal(updateId.GetValue<string>(), message.UpdateId);
        }

        Assert.Equal(item["text"]?.GetValue<string>(), message.Text);
        Assert.Equal(item["unsupported"]?.GetValue<string>(), message.UnsupportedWhat);
        if (item["sentAt"] is { } sentAt)
        {
            Assert.Equal(DateTimeOffset.Parse(sentAt.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), message.SentAt);
        }

        var location = item["latitude"] is { } lat ? new GeoPoint(lat.GetValue<double>(), item["longitude"]!.GetValue<double>()) : null;
        Assert.Equal(location, message.Location);
        if (item["attachment"] is { } kind)
        {
            var attachment = Assert.Single(message.Attachments);
            Assert.Equal(Enum.Parse<AttachmentKind>(kind.GetValue<string>()), attachment.Kind);
            Assert.Equal(item["fileId"]!.GetValue<string>(), attachment.FileId);
        }

        Assert.Equal(item["phone"]?.GetValue<string>(), message.Contact?.PhoneNumber);
    }

    [Fact]
    public void A_retried_follow_is_the_same_update_and_a_later_one_is_not()
    {
        static string Id(string timestamp)
        {
            using var document = JsonDocument.Parse("{\"event_name\":\"follow\",\"timestamp\":\"" + timestamp + "\",\"follower\":{\"id\":\"7\"}}");
            return ZaloEventMapper.Map(document.RootElement).Message!.UpdateId;
        }

        Assert.Equal(Id("1754990000000"), Id("1754990000000"));
        Assert.NotEqual(Id("1754990000000"), Id("1754990999000"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"event_name":"user_send_text","sender":{"id":{"x":1}},"message":{"msg_id":"1","text":"a"}}""")]
    [InlineData("""{"event_name":"user_send_location","sender":{"id":"7"},"message":{"msg_id":"1","attachments":[{"payload":{"coordinates":{"latitude":{"a":1},"longitude":[]}}}]}}""")]
    [InlineData("""{"event_name":"user_send_image","sender":{"id":"7"},"message":{"msg_id":"1","attachments":"x"}}""")]
    public void Odd_shapes_never_throw(string json)
    {
        using var document = JsonDocument.Parse(json);
        var mapped = ZaloEventMapper.Map(document.RootElement);
        Assert.True(mapped.Message is not null || mapped.IgnoredBecause is not null);
    }

    private static JsonArray Table() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "zalo", "events.json")))!.AsArray();
}
