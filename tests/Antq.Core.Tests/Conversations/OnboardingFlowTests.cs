using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;

namespace Antq.Core.Tests.Conversations;

/// <summary>The flow without a host: state and one input in, next state, messages and changes out.</summary>
public sealed class OnboardingFlowTests
{
    private static readonly AreaTree Areas = AreaTreeLoader.Load(Path.Combine(Antq.Core.Tests.Areas.RepoRoot.Path, "config", "areas.json"));
    private static readonly OnboardingFlow Flow = new();

    private static FlowContext At(string step, FlowData data, InboundMessage input) => new()
    {
        Input = input,
        Language = "vi",
        Step = step,
        Data = data,
        Areas = Areas,
        Texts = TextCatalog.LoadEmbedded(),
        Now = DateTime.UtcNow,
    };

    private static InboundMessage Button(string data) => new() { Channel = "t", UpdateId = "1", ChatId = "1", UserId = "1", Kind = InboundKind.Button, ButtonData = data };

    private static InboundMessage Text(string text) => new() { Channel = "t", UpdateId = "1", ChatId = "1", UserId = "1", Kind = InboundKind.Text, Text = text };

    public static TheoryData<string, string, InboundMessage, StepOutcome, string?> Cases => new()
    {
        { "language", "{}", Button("lang:en"), StepOutcome.Continue, "consent" },
        { "language", "{}", Text("tieng viet"), StepOutcome.Continue, "consent" },
        { "language", "{}", Text("français"), StepOutcome.Invalid, null },
        { "language", "{}", Button("lang:fr"), StepOutcome.Invalid, null },
        { "consent", "{\"lang\":\"vi\"}", Button("consent:yes"), StepOutcome.Continue, "ward" },
        { "consent", "{\"lang\":\"vi\"}", Button("consent:no"), StepOutcome.Done, null },
        { "consent", "{\"lang\":\"vi\"}", Button("back"), StepOutcome.Continue, "language" },
        { "consent", "{\"lang\":\"vi\"}", Text("ok"), StepOutcome.Invalid, null },
        { "ward", "{}", Button("ward:tam-thanh"), StepOutcome.Continue, "unit" },
        { "ward", "{}", Text("Hoàng Đồng"), StepOutcome.Continue, "unit" },
        { "ward", "{}", Text("hoang"), StepOutcome.Invalid, null },
        { "ward", "{}", Button("ward:ba-dinh"), StepOutcome.Invalid, null },
        { "unit", "{\"ward\":\"tam-thanh\"}", Button("unit:tam-thanh-k3"), StepOutcome.Continue, "topics" },
        { "unit", "{\"ward\":\"tam-thanh\"}", Button("unit:chi-lang-k3"), StepOutcome.Invalid, null },
        { "unit", "{\"ward\":\"tam-thanh\"}", Text("3"), StepOutcome.Continue, "topics" },
        { "unit", "{\"ward\":\"tam-thanh\"}", Button("page:1"), StepOutcome.Continue, "unit" },
        { "topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"0\"}", Button("topic:fire"), StepOutcome.Continue, "topics" },
        { "topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"4\"}", Button("done"), StepOutcome.Done, null },
        { "topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"4\"}", Text("xong"), StepOutcome.Invalid, null },
        { "topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"0\"}", Button("done"), StepOutcome.Continue, "no_topics" },
        { "no_topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"0\"}", Button("done"), StepOutcome.Done, null },
        { "no_topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"0\"}", Button("back"), StepOutcome.Continue, "topics" },
        { "no_topics", "{\"ward\":\"tam-thanh\",\"unit\":\"tam-thanh-k3\",\"topics\":\"0\"}", Text("ok"), StepOutcome.Invalid, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_step_takes_what_fits_it_and_refuses_the_rest(string step, string data, InboundMessage input, StepOutcome outcome, string? next)
    {
        var result = Flow.Handle(At(step, FlowData.FromJson(data), input));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(next, result.Outcome == StepOutcome.Continue ? result.Step : null);
        if (outcome == StepOutcome.Invalid)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Empty(result.Changes);
        }
    }

    [Fact]
    public void Finishing_asks_to_save_the_profile_chosen_along_the_way()
    {
        var data = FlowData.FromJson("{\"ward\":\"mai-pha\",\"unit\":\"mai-pha-na-chuong\",\"topics\":\"5\"}");

        var result = Flow.Handle(At("topics", data, Button("done")));

        var save = Assert.IsType<SaveResidentProfile>(Assert.Single(result.Changes));
        Assert.Equal(new SaveResidentProfile("vi", "mai-pha", "mai-pha-na-chuong", Topics.Security | Topics.Fire), save);
    }

    [Fact]
    public void Toggling_a_topic_updates_the_same_message_in_place()
    {
        var input = Button("topic:traffic") with { ButtonMessageId = "42" };

        var result = Flow.Handle(At("topics", FlowData.FromJson("{\"topics\":\"0\"}"), input));

        var message = Assert.Single(result.Messages);
        Assert.Equal("42", message.ReplacesMessageId);
        Assert.Contains(message.Buttons.SelectMany(r => r), b => b.Label == "✅ An toàn giao thông");
        Assert.Equal("2", result.Data["topics"]);
    }
}
