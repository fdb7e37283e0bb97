namespace Antq.Core.Residents.Steps;

/// <summary>
/// A topic's checkbox (<c>topic:security</c>) or "all topics" (<c>topics:all</c>), as in buttons already sent to
/// chats: offered and read by <see cref="TopicsStep"/>, built and parsed here only.
/// </summary>
public sealed record TopicButton(Topics Topic)
{
    private const string TogglePrefix = "topic:";
    private const string AllData = "topics:all";

    /// <summary>"All topics": every topic at once rather than one toggled.</summary>
    public static readonly TopicButton All = new(Topics.All);

    public string Data => Topic == Topics.All ? AllData : TogglePrefix + TopicNames.Offered.Single(t => t.Topic == Topic).Code;

    /// <summary>The topic (or all) in <paramref name="data"/>; null when it is not a topic button of an offered topic.</summary>
    public static TopicButton? Parse(string? data) => data switch
    {
        AllData => All,
        not null when data.StartsWith(TogglePrefix, StringComparison.Ordinal) && TopicNames.FromCode(data[TogglePrefix.Length..]) is { } topic => new TopicButton(topic),
        _ => null,
    };
}
