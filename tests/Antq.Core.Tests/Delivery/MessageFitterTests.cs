using Antq.Core.Conversations;
using Antq.Core.Delivery;

namespace Antq.Core.Tests.Delivery;

public sealed class MessageFitterTests
{
    private static readonly ChannelCapabilities Zalo = new(MaxButtons: 5, CanEdit: false, MaxTextLength: 2000, LocationInput: true);

    [Fact]
    public void Eight_choices_become_a_numbered_list_without_buttons()
    {
        var wards = Enumerable.Range(1, 8).Select(i => new Button($"Phường {i}", $"ward:w{i}")).Chunk(2).Select(r => (IReadOnlyList<Button>)r).ToList();
        var fitted = MessageFitter.Fit(new OutgoingMessage { Text = "Bạn sống ở phường nào?", Buttons = wards }, Zalo, n => $"Gõ số (1–{n}) để chọn.");

        var part = Assert.Single(fitted.Parts);
        Assert.Empty(part.Buttons);
        Assert.True(fitted.Numbered);
        Assert.Equal(8, fitted.Choices.Count);
        Assert.Contains("\n1. Phường 1\n", part.Text, StringComparison.Ordinal);
        Assert.Contains("\n8. Phường 8\n", part.Text, StringComparison.Ordinal);
        Assert.EndsWith("Gõ số (1–8) để chọn.", part.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_choices_stay_buttons_on_one_message()
    {
        var rows = new List<IReadOnlyList<Button>> { new[] { new Button("A", "a"), new Button("B", "b") }, new[] { new Button("C", "c"), new Button("D", "d"), new Button("E", "e") } };
        var fitted = MessageFitter.Fit(new OutgoingMessage { Text = "Chọn", Buttons = rows }, Zalo, _ => "");

        Assert.False(fitted.Numbered);
        Assert.Equal(["A", "B", "C", "D", "E"], Assert.Single(fitted.Parts).Buttons.Select(b => b.Label));
    }

    [Fact]
    public void A_long_text_is_split_at_sentence_ends_and_buttons_go_under_the_last_part()
    {
        var sentence = "Công an phường đề nghị người dân cảnh giác với các thủ đoạn lừa đảo qua mạng. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 60)).TrimEnd();
        var fitted = MessageFitter.Fit(new OutgoingMessage { Text = text, Buttons = [[new Button("OK", "ok")]] }, Zalo, _ => "");

        Assert.True(fitted.Parts.Count >= 3);
        Assert.All(fitted.Parts, p => Assert.InRange(p.Text.Length, 1, 2000));
        Assert.All(fitted.Parts, p => Assert.EndsWith("qua mạng.", p.Text, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(fitted.Parts.Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal));
        Assert.All(fitted.Parts.SkipLast(1), p => Assert.Empty(p.Buttons));
        Assert.Single(fitted.Parts[^1].Buttons);
    }

    [Fact]
    public void A_text_without_any_break_is_cut_hard_but_never_inside_a_surrogate_pair()
    {
        var text = new string('a', 1999) + "😀" + new string('b', 10);
        var parts = MessageFitter.Split(text, 2000);

        Assert.Equal(1999, parts[0].Length);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
    }
}
