using Antq.Core.Areas;
using Antq.Core.InfoDesk;
using Antq.Core.Tests.Areas;

namespace Antq.Core.Tests.InfoDesk;

public sealed class ContactBookTests
{
    private static readonly AreaTree Areas = AreaTreeLoader.Load(Path.Combine(RepoRoot.Path, "config", "areas.json"));

    private static readonly string Posts = "\"posts\":[" + string.Join(",", Areas.Wards.Select(w => $$"""{"ward":"{{w.Id}}","name":"Công an {{w.Name}}","phone":"0205 000 000","hours":"7:30–17:00","address":"Trụ sở"}""")) + "]";

    [Fact]
    public void The_shipped_file_gives_every_ward_a_post_and_officers_to_some_units_only()
    {
        var book = ContactBook.Load(Path.Combine(RepoRoot.Path, "config", "contacts.json"), Areas);

        Assert.All(Areas.Wards, w => Assert.NotNull(book.PostOf(w.Id)));
        Assert.Equal("Nguyễn Văn An", book.OfficerOf("chi-lang-k2")?.Name);
        Assert.Null(book.OfficerOf("chi-lang-k9"));
        Assert.All(book.Contacts, c => Assert.True(AreaContact.IsPhone(c.Phone), c.Id));
    }

    [Fact]
    public void An_officers_update_wins_over_the_file()
    {
        var book = ContactBook.Load(Path.Combine(RepoRoot.Path, "config", "contacts.json"), Areas);
        var officer = book.OfficerOf("chi-lang-k2")!;

        var updated = officer.With([new ContactOverride { EntryId = officer.Id, Field = "phone", Value = "0987 654 321" }, new ContactOverride { EntryId = "other", Field = "name", Value = "X" }]);

        Assert.Equal("0987 654 321", updated.Phone);
        Assert.Equal(officer.Name, updated.Name);
    }

    [Fact]
    public void English_speakers_see_working_hours_in_English_until_an_officer_writes_their_own()
    {
        var book = ContactBook.Load(Path.Combine(RepoRoot.Path, "config", "contacts.json"), Areas);

        Assert.All(book.Contacts, c => Assert.DoesNotContain("Thứ", c.HoursIn("en"), StringComparison.Ordinal));
        Assert.All(book.Contacts, c => Assert.StartsWith("Thứ Hai", c.HoursIn("vi"), StringComparison.Ordinal));
        var post = book.PostOf("chi-lang")!;
        Assert.Equal("Monday – Friday 7:30–11:30, 13:30–17:00; duty officer 24/7", post.HoursIn("en"));

        var updated = post.With([new ContactOverride { EntryId = post.Id, Field = "hours", Value = "Thứ Hai – Thứ Bảy 7:00–17:00" }]);
        Assert.Equal("Thứ Hai – Thứ Bảy 7:00–17:00", updated.HoursIn("en"));
    }

    [Theory]
    [InlineData("""{"officers":[]}""", "\"posts\" or \"officers\" is missing")]
    [InlineData("""{"posts":[{"ward":"nowhere","name":"a","phone":"113","hours":"a","address":"a"}],"officers":[]}""", "posts[0]: ward \"nowhere\" is not a ward id")]
    [InlineData("POSTS,\"officers\":[{\"id\":\"a\",\"name\":\"A\",\"phone\":\"0912\",\"hours\":\"h\",\"address\":\"x\",\"units\":[\"chi-lang-k1\"]},{\"id\":\"b\",\"name\":\"B\",\"phone\":\"0913 000\",\"hours\":\"h\",\"address\":\"x\",\"units\":[\"chi-lang-k1\"]}]", "officers[1] \"b\": unit \"chi-lang-k1\" already has an officer (\"a\")")]
    [InlineData("POSTS,\"officers\":[{\"id\":\"a\",\"name\":\"A\",\"phone\":\"gọi trực ban\",\"hours\":\"h\",\"address\":\"x\",\"units\":[\"chi-lang-k1\"]}]", "officers[0] \"a\": phone \"gọi trực ban\" is not a phone number")]
    [InlineData("POSTS,\"officers\":[{\"id\":\"a\",\"name\":\"A\",\"phone\":\"0912 000\",\"hours\":\"h\",\"address\":\"x\",\"units\":[\"chi-lang-k1\",\"dong-kinh-k1\"]}]", "officers[0] \"a\": units must all be in one ward")]
    [InlineData("POSTS,\"officers\":[{\"id\":\"a\",\"name\":\"A\",\"phone\":\"0912 000\",\"address\":\"x\",\"units\":[\"chi-lang-k1\"]}]", "officers[0] \"a\": \"hours\" is missing or empty")]
    public void A_bad_entry_stops_start_up_naming_the_file_the_entry_and_the_problem(string json, string problem)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-contacts-").FullName, "contacts.json");
        File.WriteAllText(file, json.StartsWith("POSTS", StringComparison.Ordinal) ? "{" + json.Replace("POSTS", Posts, StringComparison.Ordinal) + "}" : json);

        var ex = Assert.Throws<ContentFileException>(() => ContactBook.Load(file, Areas));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, ex.Message, StringComparison.Ordinal);
    }
}
