using System.Globalization;
using Antq.Core.Residents;
using Antq.Testing;

namespace Antq.Bot.Tests.Broadcasts;

/// <summary>The steps of /broadcast that many tests walk, and the followers they send to.</summary>
public static class BroadcastJourneys
{
    /// <summary>Consenting, active Telegram residents of Chi Lăng (Khối 1) who follow <paramref name="topics"/>.</summary>
    public static Task FollowersAsync(this TestBot bot, Topics topics, IEnumerable<long> chats) => bot.QueryAsync(db =>
    {
        foreach (var chat in chats)
        {
            var id = chat.ToString(CultureInfo.InvariantCulture);
            db.Residents.Add(new Resident
            {
                Channel = "telegram", ExternalUserId = id, ChatId = id, Language = "vi", WardId = "chi-lang", UnitId = "chi-lang-k1",
                Topics = topics, ConsentedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
        }

        return db.SaveChangesAsync();
    });

    /// <summary>/broadcast → the text → the topic.</summary>
    public static async Task ComposeAsync(this ChatScript officer, string text, string topic)
    {
        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Says(text);
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps(topic);
    }

    /// <summary>Composes, keeps the officer's whole ward as the audience, and reaches "when?".</summary>
    public static async Task ComposeForWardAsync(this ChatScript officer, string text, string topic)
    {
        await officer.ComposeAsync(text, topic);
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
    }

    /// <summary>"Repeat" → how often; the step after is for the caller.</summary>
    public static async Task RepeatAsync(this ChatScript officer, string how)
    {
        officer.Taps("Lặp lại");
        await officer.Sees("Lặp lại thế nào?");
        officer.Taps(how);
    }

    /// <summary>The preview showing <paramref name="fragment"/> → confirm; returns the preview's question.</summary>
    public static async Task<SentMessage> ConfirmAsync(this ChatScript officer, string fragment)
    {
        var preview = await officer.SeesAll("Xem trước", fragment, "Xác nhận gửi?");
        officer.Taps("Xác nhận gửi");
        return preview;
    }
}
