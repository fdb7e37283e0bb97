using System.Text.RegularExpressions;
using Antq.Core.Texts;

namespace Antq.Core.Tests.Texts;

public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog = TextCatalog.LoadEmbedded();

    [Fact]
    public void Vietnamese_and_English_have_the_same_sentences_with_the_same_placeholders()
    {
        var vi = Catalog.KeysOf("vi").Order().ToList();
        var en = Catalog.KeysOf("en").Order().ToList();

        Assert.Equal(vi, en);
        foreach (var key in vi)
        {
            Assert.True(
                Placeholders(Catalog.Get("vi", key)).SetEquals(Placeholders(Catalog.Get("en", key))),
                $"'{key}' has different placeholders in Vietnamese and English");
        }
    }

    [Fact]
    public void Vietnamese_texts_are_stored_in_NFC()
    {
        foreach (var key in Catalog.KeysOf("vi"))
        {
            var text = Catalog.Get("vi", key);
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC), key);
        }
    }

    [Fact]
    public void Every_text_key_used_in_the_code_exists()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Antq.Core.Tests.Areas.RepoRoot.Path, "src", "Core"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.') && !k.EndsWith('_'))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.Contains(key, Catalog.KeysOf("vi")));
    }

    private static HashSet<string> Placeholders(string text) => [.. Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];

    [GeneratedRegex("(?:\\.T|\\.Say|Texts\\.Get\\([^,]+,|StartHint\\(context,|Render\\(context,)\\(?\\s*\"([a-z_]+\\.[a-z_.]+)\"")]
    private static partial Regex KeyUse();
}
