using Antq.Core.Pledges;
using Antq.Core.Tests.Areas;

namespace Antq.Core.Tests.Pledges;

public sealed class PledgeCatalogTests
{
    [Fact]
    public void The_shipped_file_has_the_four_pledges_in_both_languages_with_numbered_commitments()
    {
        var catalog = PledgeCatalog.Load(Path.Combine(RepoRoot.Path, "config", "pledges.json"));

        Assert.Equal(["traffic", "security", "fireworks", "fire"], catalog.Types.Select(t => t.Id));
        Assert.All(catalog.Types, t => Assert.StartsWith("BẢN CAM KẾT", t.FullText("vi"), StringComparison.Ordinal));
        Assert.All(catalog.Types, t => Assert.Contains("\n1. ", t.FullText("en"), StringComparison.Ordinal));
        Assert.All(catalog.Types, t => Assert.True(t.FullText("vi").IsNormalized(System.Text.NormalizationForm.FormC)));
        Assert.DoesNotContain(catalog.For(SignerKind.School), t => t.Id == "security");
        Assert.True(catalog.Campaign.Opens <= catalog.Campaign.Closes);
    }

    [Theory]
    [InlineData("""{"campaign":{"year":2026,"opens":"2026-12-31","closes":"2026-01-01"},"types":[]}""", "\"closes\" (2026-01-01) is before \"opens\"")]
    [InlineData("""{"campaign":{"year":2026,"opens":"1/1/2026","closes":"2026-12-31"},"types":[]}""", "\"opens\" must be a date written YYYY-MM-DD")]
    [InlineData("""{"campaign":{"year":2026,"opens":"2026-01-01","closes":"2026-12-31"},"types":[{"id":"traffic","version":"1","kinds":["family"],"name":{"vi":"a","en":"a"},"title":{"vi":"a","en":"a"},"text":{"vi":["x"],"en":["x"]}}]}""", "types[0]: kind \"family\" must be household")]
    [InlineData("""{"campaign":{"year":2026,"opens":"2026-01-01","closes":"2026-12-31"},"types":[{"id":"traffic","version":"1","kinds":["household"],"name":{"vi":"a","en":"a"},"title":{"vi":"a","en":"a"},"text":{"vi":["x"]}}]}""", "types[0]: text.en must list the commitments")]
    [InlineData("""{"campaign":{"year":2026,"opens":"2026-01-01","closes":"2026-12-31"},"types":[{"id":"traffic","version":"1","kinds":["household"],"name":{"vi":"a","en":"a"},"title":{"vi":"a","en":"a"},"text":{"vi":["x"],"en":["x"]}}]}""", "no pledge applies to \"business\"")]
    [InlineData("""{"types":[]}""", "\"campaign\" or \"types\" is missing")]
    public void A_wrong_file_stops_start_up_naming_the_problem(string json, string problem)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-pledges-").FullName, "pledges.json");
        File.WriteAllText(file, json);

        var ex = Assert.Throws<ContentFileException>(() => PledgeCatalog.Load(file));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campaign_is_open_on_its_local_days_and_says_when_the_next_opens()
    {
        var campaign = new PledgeCampaign(2026, new DateOnly(2026, 1, 15), new DateOnly(2026, 12, 31));

        Assert.False(campaign.IsOpen(new DateTime(2026, 1, 14, 16, 59, 0, DateTimeKind.Utc)));
        Assert.True(campaign.IsOpen(new DateTime(2026, 1, 14, 17, 0, 0, DateTimeKind.Utc)));
        Assert.True(campaign.IsOpen(new DateTime(2026, 12, 31, 16, 59, 0, DateTimeKind.Utc)));
        Assert.True(campaign.HasEnded(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2027, 1, 15), campaign.NextOpening(new DateTime(2027, 1, 2, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 1, 15), campaign.NextOpening(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc)));
    }
}
