using Antq.Core.Residents;

namespace Antq.Core.Broadcasts;

/// <summary>What a broadcast is about; it decides who follows it and whether quiet hours apply.</summary>
public enum BroadcastTopic
{
    Awareness = 0,
    Law = 1,
    Traffic = 2,
    Fire = 3,
    Festival = 4,

    /// <summary>Reaches everyone in the area, whatever they follow, and ignores quiet hours.</summary>
    Urgent = 5,
}

public static class BroadcastTopics
{
    public static IReadOnlyList<(BroadcastTopic Topic, string Code)> All { get; } =
    [
        (BroadcastTopic.Awareness, "awareness"),
        (BroadcastTopic.Law, "law"),
        (BroadcastTopic.Traffic, "traffic"),
        (BroadcastTopic.Fire, "fire"),
        (BroadcastTopic.Festival, "festival"),
        (BroadcastTopic.Urgent, "urgent"),
    ];

    /// <summary>The residents' topics that receive it; <see cref="Topics.All"/> for an urgent alert.</summary>
    public static Topics Followers(BroadcastTopic topic) => topic switch
    {
        BroadcastTopic.Awareness or BroadcastTopic.Law => Topics.Security,
        BroadcastTopic.Traffic => Topics.Traffic,
        BroadcastTopic.Fire => Topics.Fire,
        BroadcastTopic.Festival => Topics.Events,
        _ => Topics.All,
    };

    public static string Code(BroadcastTopic topic) => All.Single(t => t.Topic == topic).Code;

    public static BroadcastTopic? FromCode(string code) => All.Where(t => t.Code == code).Select(t => (BroadcastTopic?)t.Topic).FirstOrDefault();
}
