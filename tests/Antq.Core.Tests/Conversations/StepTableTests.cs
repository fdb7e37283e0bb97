using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Tests.Conversations;

/// <summary>The step table alone: a flow's steps declared once, "« Back" chosen by the draft, several-message questions.</summary>
public sealed class StepTableTests
{
    private static readonly AreaTree Areas = AreaTreeLoader.Load(Path.Combine(Antq.Core.Tests.Areas.RepoRoot.Path, "config", "areas.json"));
    private static readonly TextCatalog Texts = TextCatalog.LoadEmbedded();

    /// <summary>A toy flow: "kind" → (weekly: "days") → "time"; the time step goes back to where the draft came from.</summary>
    private static readonly StepTable<string> Table = new StepTable<string>()
        .Add("kind", (_, d) => StepResult.Continue(d == "weekly" ? "days" : "time", FlowData.Empty), (_, _) => Asking("which kind?"))
        .Add("days", (_, _) => StepResult.Continue("time", FlowData.Empty), (_, _) => Asking("which days?"), back: (_, _) => "kind")
        .Add("time", (_, _) => StepResult.Done(), (_, d) => Asking("what time, " + d + "?"), back: (_, d) => d == "weekly" ? "days" : "kind")
        .AddAsking("preview", (_, _) => StepResult.Done(), (_, _) => [Asking("photo"), Asking("send it?")], back: (_, _) => "time");

    private static OutgoingMessage Asking(string text) => new() { Text = text };

    private static FlowContext At(string? step, InboundMessage input) => new()
    {
        Input = input,
        Language = "vi",
        Step = step,
        Areas = Areas,
        Texts = Texts,
        Now = new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc),
    };

    private static InboundMessage Pressed(string data) => new() { Channel = "t", UpdateId = "1", ChatId = "1", UserId = "1", Kind = InboundKind.Button, ButtonData = data };

    private static InboundMessage Typed(string text) => new() { Channel = "t", UpdateId = "1", ChatId = "1", UserId = "1", Kind = InboundKind.Text, Text = text };

    private static StepResult WentTo(string step) => StepResult.Continue(step, FlowData.Empty, Asking("went to " + step));

    [Theory]
    [InlineData("weekly", "days")]
    [InlineData("daily", "kind")]
    public void Back_returns_to_the_step_the_draft_came_through(string draft, string previous)
    {
        var result = Table.Handle(At("time", Pressed(Navigation.BackData)), draft, WentTo);

        Assert.Equal(previous, result!.Step);
        Assert.Equal("went to " + previous, Assert.Single(result.Messages).Text);
    }

    [Fact]
    public void Back_on_the_first_step_is_read_by_the_step_itself()
    {
        var result = Table.Handle(At("kind", Pressed(Navigation.BackData)), "daily", WentTo);

        Assert.Equal("time", result!.Step);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Other_input_goes_to_the_step_handler_not_back()
    {
        var result = Table.Handle(At("kind", Typed("weekly")), "weekly", WentTo);

        Assert.Equal("days", result!.Step);
    }

    [Fact]
    public void A_step_not_in_the_table_is_left_to_the_flow_and_asks_the_first_question()
    {
        Assert.Null(Table.Handle(At("gone", Typed("x")), "daily", WentTo));
        Assert.Null(Table.Handle(At(null, Typed("x")), "daily", WentTo));
        Assert.Equal("which kind?", Table.Prompt(At("gone", Typed("x")), "gone", "daily").Text);
        Assert.Equal("which kind?", Table.Prompt(At(null, Typed("x")), null, "daily").Text);
    }

    [Fact]
    public void A_question_can_read_the_draft()
    {
        Assert.Equal("what time, daily?", Table.Prompt(At("time", Typed("x")), "time", "daily").Text);
    }

    [Fact]
    public void A_step_asked_with_several_messages_gives_them_all_in_order()
    {
        var prompts = Table.Prompts(At("preview", Typed("x")), "preview", "daily");

        Assert.Equal(["photo", "send it?"], prompts.Select(m => m.Text));
        Assert.Throws<InvalidOperationException>(() => Table.Prompt(At("preview", Typed("x")), "preview", "daily"));
        Assert.Equal(["which days?"], Table.Prompts(At("days", Typed("x")), "days", "daily").Select(m => m.Text));
    }

    [Fact]
    public void A_step_declared_twice_is_refused()
    {
        var table = new StepTable<string>().Add("kind", (_, _) => StepResult.Done(), (_, _) => Asking("a"));

        Assert.Throws<ArgumentException>(() => table.Add("kind", (_, _) => StepResult.Done(), (_, _) => Asking("b")));
    }
}
