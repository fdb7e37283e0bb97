using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Tests.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Reports;

/// <summary>
/// The monthly summary made from what its constructor is given (no service provider): last month's summary, queued to
/// every admin and to no ward officer.
/// </summary>
public sealed class MonthlySummaryTests() : DatabaseTests(DatabaseProvider.Sqlite)
{
    private static readonly string Config = Path.Combine(Antq.Core.Tests.Areas.RepoRoot.Path, "config");

    [Fact]
    public async Task Last_months_summary_is_queued_to_every_admin_and_to_no_ward_officer()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Officers.AddRange(Officer("1", OfficerRole.Admin, null), Officer("2", OfficerRole.Admin, null), Officer("3", OfficerRole.Officer, "chi-lang"));
            await db.SaveChangesAsync();
        }

        var summary = new MonthlySummary(
            Contexts, Services.GetRequiredService<WriteGate>(), new DeliverySignal(), new FixedClock(new DateTimeOffset(2026, 3, 15, 3, 0, 0, TimeSpan.Zero)),
            TextCatalog.LoadEmbedded(), AreaTreeLoader.Load(Path.Combine(Config, "areas.json")), TipCatalog.Load(Path.Combine(Config, "tip-categories.json")),
            PledgeCatalog.Load(Path.Combine(Config, "pledges.json")), Options.Create(new ReportOptions()));

        Assert.Equal(2, await summary.SendAsync(CancellationToken.None));

        await using var check = await Contexts.CreateDbContextAsync();
        var rows = await check.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(["1", "2"], rows.Select(r => r.ChatId).Distinct());
        Assert.All(rows, r => Assert.Equal((DeliveryStatus.Queued, OutboxKind.Notice), (r.Status, r.Kind)));
        Assert.StartsWith("Tổng kết tháng 02/2026:", OutboxWriter.Read(rows[0]).Text, StringComparison.Ordinal);
    }

    private static Officer Officer(string id, OfficerRole role, string? ward) =>
        new() { Channel = "telegram", ExternalUserId = id, ChatId = id, DisplayName = "Cán bộ " + id, Role = role, WardId = ward };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
