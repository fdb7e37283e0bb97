using System.Diagnostics;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Benchmarks;

/// <summary>
/// The console benchmark's data set: a city's tips over three years, written through EF Core (so each tip's folded
/// search text is worked out as the service works it out), with their history and attachments added in bulk.
/// </summary>
internal static class ConsoleData
{
    public static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Openings = ["Có người lạ", "Một nhóm thanh niên", "Xe tải không biển số", "Người đàn ông đội mũ bảo hiểm", "Hai người đi xe máy", "Chủ quán", "Một phụ nữ"];

    private static readonly string[] Doings = ["bẻ khóa xe máy", "tụ tập đánh bạc", "bán pháo nổ", "đốt rác gây cháy", "chở hàng lậu", "gây rối trật tự", "lừa đảo qua điện thoại", "cho vay nặng lãi", "phóng nhanh vượt ẩu", "mua bán ma túy"];

    private static readonly string[] Places = ["trong hẻm", "gần chợ đêm", "trước cổng trường", "ở bãi giữ xe", "bên bờ kênh", "sau khu nhà trọ", "dưới chân cầu"];

    private static readonly string[] Times = ["lúc nửa đêm", "vào sáng sớm", "chiều hôm qua", "tối thứ bảy", "mấy ngày nay"];

    private static readonly string[] Categories = ["drugs", "theft", "gambling", "traffic", "fire", "fireworks", "public-order", "scams", "suspicious", "other"];

    /// <summary>Writes <paramref name="count"/> tips and three officers a ward (and one admin); returns the ward officers by ward.</summary>
    public static async Task<IReadOnlyDictionary<string, Officer[]>> GenerateAsync(IDbContextFactory<AntqDb> contexts, AreaTree areas, int count, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20);
        var officers = new Dictionary<string, Officer[]>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            foreach (var ward in areas.Wards)
            {
                officers[ward.Id] = [.. Enumerable.Range(1, 3).Select(i => new Officer { Channel = "telegram", ExternalUserId = $"{ward.Id}-{i}", ChatId = $"{ward.Id}-{i}", DisplayName = $"Cán bộ {i} {ward.Name}", WardId = ward.Id, AddedAt = Now.AddYears(-3) })];
                db.Officers.AddRange(officers[ward.Id]);
            }

            db.Officers.Add(new Officer { Channel = "telegram", ExternalUserId = "admin", ChatId = "admin", DisplayName = "Quản trị", Role = OfficerRole.Admin, AddedAt = Now.AddYears(-3) });
            await db.SaveChangesAsync();
        }

        const int Batch = 5_000;
        var codes = new HashSet<string>();
        for (var done = 0; done < count; done += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                db.Tips.Add(NewTip(random, areas, officers, count - i, codes));
            }

            await db.SaveChangesAsync();
        }

        log.WriteLine($"  {count:N0} tips written in {clock.Elapsed.TotalSeconds:0} s");
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));

            // History: each tip's arrival; a status change and an officer's reply for those answered; a note on one in three.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_events" ("TipId", "At", "Kind", "ToStatus") SELECT "Id", "CreatedAt", 0, 0 FROM "tips" """);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_events" ("TipId", "At", "Kind", "OfficerId", "FromStatus", "ToStatus") SELECT "Id", "FirstResponseAt", 1, "AssignedOfficerId", 0, "Status" FROM "tips" WHERE "FirstResponseAt" IS NOT NULL""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_events" ("TipId", "At", "Kind", "OfficerId", "Text") SELECT "Id", "FirstResponseAt", 2, "AssignedOfficerId", 'Chúng tôi đã nhận tin và đang xác minh.' FROM "tips" WHERE "FirstResponseAt" IS NOT NULL""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_events" ("TipId", "At", "Kind", "OfficerId", "Text") SELECT "Id", "FirstResponseAt", 4, "AssignedOfficerId", 'Đã báo tổ trưởng tổ dân phố để nắm thêm.' FROM "tips" WHERE "FirstResponseAt" IS NOT NULL AND "Id" % 3 = 0""");

            // Attachments: one tip in five has two.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_attachments" ("TipId", "Kind", "FileId", "Channel", "DownloadAttempts") SELECT "Id", 0, 'photo-a-' || "Id", 'telegram', 0 FROM "tips" WHERE "Id" % 5 = 0""");
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "tip_attachments" ("TipId", "Kind", "FileId", "Channel", "DownloadAttempts") SELECT "Id", 0, 'photo-b-' || "Id", 'telegram', 0 FROM "tips" WHERE "Id" % 5 = 0""");
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE" : "PRAGMA optimize");
        }

        log.WriteLine($"  history and attachments added; {clock.Elapsed.TotalSeconds:0} s in all");
        return officers;
    }

    private static Tip NewTip(Random random, AreaTree areas, Dictionary<string, Officer[]> officers, int age, HashSet<string> codes)
    {
        var code = TrackingCode.New();
        while (!codes.Add(code))
        {
            code = TrackingCode.New();
        }

        var ward = areas.Wards[random.Next(areas.Wards.Count)];
        var unit = ward.Units.Count > 0 && random.Next(3) > 0 ? ward.Units[random.Next(ward.Units.Count)] : null;

        // Spread over three years, the newest last; the older, the more likely closed.
        var created = Now.AddMinutes(-age * 15.7 - random.Next(10));
        var status = age < 300 ? (TipStatus)random.Next(0, 3) : (TipStatus)new[] { 2, 3, 4, 5, 5, 5, 5, 1 }[random.Next(8)];
        var answered = status != TipStatus.New;
        var text = $"{Pick(random, Openings)} {Pick(random, Doings)} {Pick(random, Places)} {Pick(random, Times)}. " +
            string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{Pick(random, Openings).ToLowerInvariant()} {Pick(random, Doings)} {Pick(random, Places)}."));
        return new Tip
        {
            Code = code,
            CategoryId = Pick(random, Categories),
            WardId = ward.Id,
            UnitId = unit?.Id,
            PlaceText = unit?.Name,
            OccurredWhen = "today",
            Description = text,
            Anonymous = random.Next(4) > 0,
            Language = "vi",
            Status = status,
            AssignedOfficerId = answered ? Pick(random, officers[ward.Id]).Id : null,
            CreatedAt = created,
            FirstResponseAt = answered ? created.AddMinutes(random.Next(5, 600)) : null,
            ClosedAt = status == TipStatus.Closed ? created.AddDays(3) : null,
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
