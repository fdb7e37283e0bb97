using Antq.Core.Storage;
using Antq.Core.Pledges;
using Antq.Core.Tests.Areas;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tests.Changes;

/// <summary>The pledge handlers built with their dependencies alone, on a real SQLite file.</summary>
public sealed class SqlitePledgeHandlerTests() : PledgeHandlerTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresPledgeHandlerTests() : PledgeHandlerTests(DatabaseProvider.Postgres);

public abstract class PledgeHandlerTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private static readonly PledgeCatalog Catalog = PledgeCatalog.Load(Path.Combine(RepoRoot.Path, "config", "pledges.json"));

    private static readonly SignerDetails Household = new(SignerKind.Household, "Nguyễn Văn An", "Số 12 ngõ 3", null, null, null);

    [Fact]
    public async Task A_pledge_signed_twice_is_recorded_once_and_the_second_receipt_says_so()
    {
        var handler = new SignPledgesHandler(Catalog, Texts);
        var types = Catalog.Types.Take(1).Select(t => t.Id).ToList();
        var change = new SignPledges(Household, Ward, Areas.Wards[0].Units[0].Id, types, "vi");

        var first = await ApplyAsync(handler, change, From("resident-7"));
        var second = await ApplyAsync(handler, change, From("resident-7"));

        await using var db = await Contexts.CreateDbContextAsync();
        var pledge = await db.Pledges.AsNoTracking().SingleAsync();
        Assert.Equal(types[0], pledge.TypeId);
        Assert.Contains("Nguyễn Văn An", RepliesText(first), StringComparison.Ordinal);
        var typeName = Catalog.Find(types[0])!.Name("vi");
        Assert.Contains(Texts.Get("vi", "pledge.already_signed", typeName, PledgeRoutes.Day(PledgeCampaign.Today(pledge.SignedAt)), pledge.Number), RepliesText(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_pledge_no_longer_counts_as_signed()
    {
        await AddResidentAsync("resident-7", Ward, Residents.Topics.Security);
        var types = Catalog.Types.Take(1).Select(t => t.Id).ToList();
        await ApplyAsync(new SignPledgesHandler(Catalog, Texts), new SignPledges(Household, Ward, Areas.Wards[0].Units[0].Id, types, "vi"), From("resident-7"));
        long id;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            id = (await db.Pledges.AsNoTracking().SingleAsync()).Id;
        }

        await ApplyAsync(new WithdrawPledgeHandler(Texts, Catalog), new WithdrawPledge(id, "vi"), From("resident-7"));

        await using var after = await Contexts.CreateDbContextAsync();
        Assert.NotNull((await after.Pledges.AsNoTracking().SingleAsync()).WithdrawnAt);
        Assert.Empty(await PledgeLedger.ActiveAsync(after, Catalog.Campaign.Year, Household.Key, CancellationToken.None));
    }
}
