using System.Text;
using Antq.Core.Areas;

namespace Antq.Core.Tests.Areas;

public class AreaTreeLoaderTests
{
    private const string File = "config/areas.json";

    /// <summary>A ward "a" (An) with one block, and a commune "c" (Cao) with one hamlet.</summary>
    private const string WardA = "{'id':'a','name':'An','kind':'ward','units':[{'id':'a-1','name':'Khối 1','kind':'block'}]}";
    private const string CommuneC = "{'id':'c','name':'Cao','kind':'commune','units':[{'id':'c-1','name':'Thôn Nà','kind':'hamlet'}]}";

    /// <summary>Snippets are written with single quotes for readability.</summary>
    private static string J(string snippet) => snippet.Replace('\'', '"');

    private static string City(params string[] wards) => J("{'city':'Thành phố Thử','wards':[" + string.Join(",", wards) + "]}");

    private static string Ward(string id, string name, string kind, params string[] units) =>
        "{'id':'" + id + "','name':'" + name + "','kind':'" + kind + "','units':[" + string.Join(",", units) + "]}";

    private static string Unit(string id, string name, string kind) => "{'id':'" + id + "','name':'" + name + "','kind':'" + kind + "'}";

    public static TheoryData<string, string, string> BadFiles => new()
    {
        // json, entry, problem (a fragment of it)
        { J("[]"), "", "must be a JSON object" },
        { J("{'wards':[" + WardA + "]}"), "city", "is missing or empty" },
        { J("{'city':'  ','wards':[" + WardA + "]}"), "city", "is missing or empty" },
        { J("{'city':'X'}"), "wards", "missing" },
        { J("{'city':'X','wards':null}"), "wards", "missing" },
        { J("{'city':'X','wards':[]}"), "wards", "is empty" },
        { J("{'city':'X','wards':{}}"), "wards", "must be a list" },
        { City("42"), "wards[0]", "must be an object" },
        { City(WardA, J("{'name':'Bình','kind':'ward','units':[]}")), "wards[1]", "id is missing or empty" },
        { City(J(Ward("", "An", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0]", "id is missing or empty" },
        { City(J("{'id':7,'name':'An','kind':'ward','units':[]}")), "wards[0]", "id must be a string, not number" },
        { City(J(Ward("Chi-Lang", "Chi Lăng", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0]", "id \"Chi-Lang\" may contain only lowercase a-z, 0-9 and '-'" },
        { City(J(Ward("chi lăng", "Chi Lăng", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0]", "id \"chi lăng\" may contain only" },
        { City(J(Ward(new string('x', 33), "X", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0]", "is too long (33 characters, at most 32)" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit(new string('u', 40), "Khối 2", "block")))), "wards[0] \"a\" units[1]", "is too long (40 characters" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit("A_2", "Khối 2", "block")))), "wards[0] \"a\" units[1]", "id \"A_2\" may contain only" },
        { City(J(Ward("a", "", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0] \"a\"", "name is missing or empty" },
        { City(J("{'id':'a','kind':'ward','units':[]}")), "wards[0] \"a\"", "name is missing or empty" },
        { City(J("{'id':'a','name':['An'],'kind':'ward','units':[]}")), "wards[0] \"a\"", "name must be a string, not array" },
        { City(WardA, J(Ward("a", "Bình", "ward", Unit("b-1", "Khối 1", "block")))), "wards[1]", "ward id \"a\" is used twice (first at wards[0])" },
        { City(WardA, J(Ward("b", "Bình", "ward", Unit("a-1", "Khối 1", "block")))), "wards[1] \"b\" units[0]", "unit id \"a-1\" is used twice (first at wards[0] \"a\" units[0])" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit("a-1", "Khối 2", "block")))), "wards[0] \"a\" units[1]", "unit id \"a-1\" is used twice" },
        { City(J(Ward("a", "An", "ward", Unit("a", "Khối 1", "block")))), "wards[0] \"a\" units[0]", "unit id \"a\" is used twice (first at wards[0])" },
        { City(J(Ward("a", "Đông Kinh", "ward", Unit("a-1", "Khối 1", "block"))), J(Ward("b", "dong  kinh", "ward", Unit("b-1", "Khối 1", "block")))), "wards[1] \"b\"", "ward name \"dong  kinh\" is used twice (first at wards[0] \"a\")" },
        { City(J(Ward("a", "Phường Chi Lăng", "ward", Unit("a-1", "Khối 1", "block")))), "wards[0] \"a\"", "should not start with \"Phường\" or \"Xã\"" },
        { City(J(Ward("a", "An", "phuong", Unit("a-1", "Khối 1", "block")))), "wards[0] \"a\"", "unknown kind \"phuong\" (expected \"ward\" or \"commune\")" },
        { City(J(Ward("a", "An", "block", Unit("a-1", "Khối 1", "block")))), "wards[0] \"a\"", "unknown kind \"block\"" },
        { City(J("{'id':'a','name':'An','units':[]}")), "wards[0] \"a\"", "kind is missing or empty" },
        { City(J(Ward("a", "An", "ward"))), "wards[0] \"a\"", "has no units (\"units\" is empty)" },
        { City(J("{'id':'a','name':'An','kind':'ward'}")), "wards[0] \"a\"", "has no units (\"units\" is missing)" },
        { City(J("{'id':'a','name':'An','kind':'ward','units':'Khối 1'}")), "wards[0] \"a\"", "\"units\" must be a list" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), "[]"))), "wards[0] \"a\" units[1]", "must be an object" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "khoi")))), "wards[0] \"a\" units[0]", "unknown kind \"khoi\" (expected \"block\", \"hamlet\" or \"residential-group\")" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "ward")))), "wards[0] \"a\" units[0]", "unknown kind \"ward\"" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Thôn Nà", "hamlet")))), "wards[0] \"a\" units[0]", "kind \"hamlet\" does not fit a ward (phường)" },
        { City(J(Ward("c", "Cao", "commune", Unit("c-1", "Khối 1", "block")))), "wards[0] \"c\" units[0]", "kind \"block\" does not fit a commune (xã), which has hamlets (thôn)" },
        { City(J(Ward("c", "Cao", "commune", Unit("c-1", "Tổ 1", "residential-group")))), "wards[0] \"c\" units[0]", "kind \"residential-group\" does not fit a commune (xã)" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit("a-2", "", "block")))), "wards[0] \"a\" units[1]", "name is missing or empty" },
        { City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit("a-2", "khoi 1", "block")))), "wards[0] \"a\" units[1]", "unit name \"khoi 1\" is used twice in this ward (phường) (first at units[0])" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_refused_with_a_message_naming_the_entry_and_the_problem(string json, string entry, string problem)
    {
        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.Equal(File, ex.File);
        Assert.Equal(entry, ex.Entry);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith(entry.Length == 0 ? $"{File}: " : $"{File}: {entry}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_unit_id_reads_like_the_example_in_the_design()
    {
        var json = City(
            J(Ward("tam-thanh", "Tam Thanh", "ward", Unit("tam-thanh-k3", "Khối 3", "block"), Unit("tam-thanh-k4", "Khối 4", "block"), Unit("tam-thanh-k3", "Khối 5", "block"))));

        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.StartsWith(
            "config/areas.json: wards[0] \"tam-thanh\" units[2]: unit id \"tam-thanh-k3\" is used twice",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_is_refused_with_line_and_position()
    {
        var json = "{\n  \"city\": \"Thành phố\",\n  \"wards\": [ { \"id\": \"a\" \"name\": \"An\" } ]\n}";

        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.Equal("line 3, position 26", ex.Entry);
        Assert.StartsWith("invalid JSON (", ex.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith("config/areas.json: line 3, position 26: invalid JSON (", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void Position_in_invalid_JSON_counts_characters_not_bytes()
    {
        var json = "{ \"city\": \"Đồng Đăng\" x }";

        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.Equal($"line 1, position {json.IndexOf('x', StringComparison.Ordinal) + 1}", ex.Entry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{ \"city\": \"X\", \"wards\": [")]
    public void Empty_or_truncated_text_is_invalid_JSON(string json)
    {
        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.StartsWith("line ", ex.Entry, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_invalid_JSON()
    {
        var json = J("{'city':'X','wards':[{'id':'a','id':'b','name':'An','kind':'ward','units':[]}]}");

        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Parse(json, File));

        Assert.StartsWith("invalid JSON", ex.Problem, StringComparison.Ordinal);
        Assert.Contains("id", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"antq-no-such-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal("", ex.Entry);
        Assert.Equal($"{path}: file not found", ex.Message);
    }

    [Fact]
    public void Load_names_the_file_as_given_in_messages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"antq-areas-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, J("{'city':'X','wards':[]}"));
        try
        {
            var ex = Assert.Throws<AreaFileException>(() => AreaTreeLoader.Load(path));

            Assert.Equal($"{path}: wards: is empty: the file must list at least one ward or commune", ex.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Load_reads_a_file_with_a_byte_order_mark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"antq-areas-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, City(WardA), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Assert.Equal("An", AreaTreeLoader.Load(path).Wards.Single().Name);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_good_file_becomes_a_tree_of_wards_and_units()
    {
        var tree = AreaTreeLoader.Parse(City(WardA, CommuneC), File);

        Assert.Equal("Thành phố Thử", tree.CityName);
        Assert.Collection(
            tree.Wards,
            a =>
            {
                Assert.Equal(new Ward("a", "An", AreaKind.Ward, a.Units), a);
                Assert.Equal(new Unit("a-1", "Khối 1", AreaKind.Block, "a"), Assert.Single(a.Units));
            },
            c =>
            {
                Assert.Equal(AreaKind.Commune, c.Kind);
                Assert.Equal(new Unit("c-1", "Thôn Nà", AreaKind.Hamlet, "c"), Assert.Single(c.Units));
            });
        Assert.Equal(2, tree.UnitCount);
    }

    [Fact]
    public void Comments_trailing_commas_and_extra_properties_are_allowed()
    {
        var json = """
            // sample
            {
              "_note": "DỮ LIỆU MẪU",
              "sample": true,
              "city": "X", /* the city */
              "wards": [
                { "id": "a", "name": "An", "kind": "ward", "units": [ { "id": "a-1", "name": "Khối 1", "kind": "block", }, ], },
              ],
            }
            """;

        var tree = AreaTreeLoader.Parse(json, File);

        Assert.Equal(1, tree.UnitCount);
    }

    [Fact]
    public void Names_are_trimmed_and_stored_in_NFC()
    {
        var nfd = "Hoàng Văn Thụ".Normalize(NormalizationForm.FormD);
        var json = City(J(Ward("a", "  " + nfd + " ", "ward", Unit("a-1", "Khối 1".Normalize(NormalizationForm.FormD), "block"))));

        var ward = AreaTreeLoader.Parse(json, File).Wards.Single();

        Assert.Equal("Hoàng Văn Thụ".Normalize(NormalizationForm.FormC), ward.Name);
        Assert.Equal("Khối 1".Normalize(NormalizationForm.FormC), ward.Units.Single().Name);
    }

    [Fact]
    public void The_same_unit_name_may_appear_in_different_wards()
    {
        var json = City(WardA, J(Ward("b", "Bình", "ward", Unit("b-1", "Khối 1", "block"))));

        var tree = AreaTreeLoader.Parse(json, File);

        Assert.Equal(2, tree.UnitCount);
    }

    [Fact]
    public void A_ward_may_have_residential_groups_and_blocks()
    {
        var json = City(J(Ward("a", "An", "ward", Unit("a-1", "Khối 1", "block"), Unit("a-t1", "Tổ dân phố 1", "residential-group"))));

        var ward = AreaTreeLoader.Parse(json, File).Wards.Single();

        Assert.Equal([AreaKind.Block, AreaKind.ResidentialGroup], ward.Units.Select(u => u.Kind));
    }

    [Fact]
    public void An_id_of_exactly_32_characters_is_accepted()
    {
        var id = new string('k', 32);
        var json = City(J(Ward("a", "An", "ward", Unit(id, "Khối 1", "block"))));

        Assert.NotNull(AreaTreeLoader.Parse(json, File).FindUnit(id));
    }
}
