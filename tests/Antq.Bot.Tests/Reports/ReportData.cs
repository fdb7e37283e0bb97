using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Reports;

/// <summary>
/// Two years of facts with known answers: Chi Lăng (14 units) has pledges in two units and none in Khối 2, a chat
/// and a paper pledge, a withdrawn one; a city-wide broadcast partly failed; Tam Thanh has nothing at all.
/// </summary>
public static class ReportData
{
    public static Task SeedAsync(TestBot bot) => bot.QueryAsync(async db =>
    {
        db.Residents.AddRange(
            Resident("9001", "chi-lang", "chi-lang-k1", At(2024, 3, 1), ResidentStatus.Active),
            Resident("9002", "chi-lang", "chi-lang-k2", At(2025, 2, 1), ResidentStatus.Active),
            Resident("9003", "dong-kinh", "dong-kinh-k1", At(2024, 5, 1), ResidentStatus.Active),
            Resident("9004", "chi-lang", "chi-lang-k1", At(2024, 6, 1), ResidentStatus.Blocked));

        var ward = new Broadcast { Text = "Cảnh giác lừa đảo", Topic = BroadcastTopic.Awareness, WardIds = "chi-lang", Status = BroadcastStatus.Sent, StartedAt = At(2024, 4, 10), ScheduledFor = At(2024, 4, 10), Recipients = 3 };
        var city = new Broadcast { Text = "Đội mũ bảo hiểm", Topic = BroadcastTopic.Traffic, Status = BroadcastStatus.Sent, StartedAt = At(2025, 5, 10), ScheduledFor = At(2025, 5, 10), Recipients = 4 };
        var never = new Broadcast { Text = "Lỡ giờ", Topic = BroadcastTopic.Law, Status = BroadcastStatus.Missed, ScheduledFor = At(2025, 6, 1) };
        db.Broadcasts.AddRange(ward, city, never);
        await db.SaveChangesAsync();
        db.Outbox.AddRange(
            Delivery(ward.Id, "9001", DeliveryStatus.Sent), Delivery(ward.Id, "9004", DeliveryStatus.Blocked), Delivery(ward.Id, "9099", DeliveryStatus.Failed),
            Delivery(city.Id, "9001", DeliveryStatus.Sent), Delivery(city.Id, "9002", DeliveryStatus.Sent), Delivery(city.Id, "9003", DeliveryStatus.Sent), Delivery(city.Id, "9004", DeliveryStatus.Failed));

        var festival = Event("chi-lang", "Ngày hội Toàn dân bảo vệ ANTQ năm 2024", At(2024, 8, 19), EventStatus.Scheduled);
        var dongKinh = Event("dong-kinh", "NGAY HOI toàn dân bảo vệ an ninh Tổ quốc", At(2025, 8, 19), EventStatus.Scheduled);
        var cancelled = Event("chi-lang", "Ngày hội Toàn dân bảo vệ ANTQ năm 2025", At(2025, 8, 19), EventStatus.Cancelled);
        db.Events.AddRange(festival, dongKinh, cancelled);
        await db.SaveChangesAsync();
        db.EventRsvps.AddRange(Rsvp(festival.Id, "9001", true), Rsvp(festival.Id, "9002", false), Rsvp(festival.Id, "9004", true), Rsvp(cancelled.Id, "9001", true));

        var closed = Tip("RPT00002", "drugs", "chi-lang", At(2024, 6, 1), TipStatus.Closed, TimeSpan.FromHours(4));
        db.Tips.AddRange(
            Tip("RPT00001", "theft", "chi-lang", At(2024, 5, 1), TipStatus.Verified, TimeSpan.FromHours(2)),
            closed,
            Tip("RPT00003", "theft", "dong-kinh", At(2025, 1, 10), TipStatus.New, null),
            Tip("RPT00004", "public-order", "chi-lang", At(2025, 7, 1), TipStatus.NotUseful, TimeSpan.FromMinutes(30)),

            // A question to an officer (the information desk) travels as a tip but is not one: never counted.
            Question(Tip("RPT00005", "theft", "chi-lang", At(2025, 3, 1), TipStatus.Verified, TimeSpan.FromMinutes(10))));
        await db.SaveChangesAsync();
        db.TipEvents.Add(new TipEvent { TipId = closed.Id, At = At(2024, 6, 2), Kind = TipEventKind.StatusChanged, FromStatus = TipStatus.InProgress, ToStatus = TipStatus.Verified });

        db.Pledges.AddRange(
            Pledge("traffic", SignerKind.Household, "a", "chi-lang", "chi-lang-k1", 2024, PledgeSource.Chat),
            Pledge("security", SignerKind.Household, "a", "chi-lang", "chi-lang-k1", 2024, PledgeSource.Chat),
            Pledge("security", SignerKind.Business, "b", "chi-lang", "chi-lang-k3", 2024, PledgeSource.Paper),
            Pledge("traffic", SignerKind.Household, "c", "dong-kinh", "dong-kinh-k1", 2025, PledgeSource.Paper),
            Pledge("traffic", SignerKind.Household, "a", "chi-lang", "chi-lang-k1", 2025, PledgeSource.Chat, withdrawn: true));
        await db.SaveChangesAsync();

        // Both broadcasts finished: what they delivered is recorded as the broadcasts' clock records it.
        await SettleAsync(db, ward.Id);
        await SettleAsync(db, city.Id);
        return 0;
    });

    /// <summary>A broadcast still sending in 2025 (two delivered to Chi Lăng, one waiting): counted from the outbox.</summary>
    public static Task SendingAsync(TestBot bot) => bot.QueryAsync(async db =>
    {
        // One transaction, as the clock starts a broadcast: a "sending" broadcast with no rows yet would look finished to it.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sending = new Broadcast { Text = "Phòng cháy", Topic = BroadcastTopic.Fire, Status = BroadcastStatus.Sending, StartedAt = At(2025, 11, 1), ScheduledFor = At(2025, 11, 1), Recipients = 3 };
        db.Broadcasts.Add(sending);
        await db.SaveChangesAsync();
        var waiting = Delivery(sending.Id, "9003", DeliveryStatus.Queued);
        waiting.NotBefore = DateTime.UtcNow.AddDays(1); // held for the morning by quiet hours
        db.Outbox.AddRange(Delivery(sending.Id, "9001", DeliveryStatus.Sent), Delivery(sending.Id, "9002", DeliveryStatus.Sent), waiting);
        var saved = await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return saved;
    });

    // Through the statements' own parameter seam, as the broadcast clock runs it, so the same seed serves both providers.
    private static Task<int> SettleAsync(AntqDb db, long broadcast) =>
        db.Database.ExecuteAsync(ReportTallies.Settle, new SqlParameters { ["@id"] = broadcast }, CancellationToken.None);

    private static Tip Question(Tip tip)
    {
        tip.Kind = TipKind.Question;
        return tip;
    }

    private static DateTime At(int year, int month, int day) => new(year, month, day, 2, 0, 0, DateTimeKind.Utc);

    private static Resident Resident(string chat, string ward, string unit, DateTime consented, ResidentStatus status) => new()
    {
        Channel = "telegram",
        ExternalUserId = chat,
        ChatId = chat,
        Language = "vi",
        WardId = ward,
        UnitId = unit,
        Topics = Topics.All,
        ConsentedAt = consented,
        Status = status,
        CreatedAt = consented,
        UpdatedAt = consented,
    };

    private static OutboxMessage Delivery(long broadcast, string chat, DeliveryStatus status) => new()
    {
        Channel = "telegram",
        ChatId = chat,
        Payload = "{\"text\":\"x\"}",
        Status = status,
        BroadcastId = broadcast,
        Priority = DeliveryPriority.Broadcast,
    };

    private static FestivalEvent Event(string ward, string title, DateTime starts, EventStatus status) => new()
    {
        Title = title,
        Description = "",
        WardId = ward,
        Place = "Nhà văn hoá",
        StartsAt = starts,
        EndsAt = starts.AddHours(3),
        Status = status,
        RemindersSent = 7,
        CreatedAt = starts.AddDays(-30),
    };

    private static EventRsvp Rsvp(long eventId, string chat, bool coming) => new() { EventId = eventId, Channel = "telegram", ChatId = chat, Coming = coming };

    private static Tip Tip(string code, string category, string ward, DateTime created, TipStatus status, TimeSpan? response) => new()
    {
        Code = code,
        CategoryId = category,
        WardId = ward,
        OccurredWhen = "today",
        Description = "…",
        Language = "vi",
        Status = status,
        CreatedAt = created,
        FirstResponseAt = created + response,
    };

    private static Pledge Pledge(string type, SignerKind kind, string signer, string ward, string unit, int year, PledgeSource source, bool withdrawn = false) => new()
    {
        Number = $"CK{year}-{signer}{type}",
        TypeId = type,
        TextVersion = "1",
        SignerKind = kind,
        SignerName = signer,
        SignerKey = signer,
        WardId = ward,
        UnitId = unit,
        CampaignYear = year,
        Source = source,
        SignedAt = At(year, 3, 15),
        WithdrawnAt = withdrawn ? At(year, 4, 1) : null,
    };
}
