namespace Antq.Core.Residents;

/// <summary>The topics a resident can follow, in the order they are offered, with their button data and text keys.</summary>
public static class TopicNames
{
    public static IReadOnlyList<(Topics Topic, string Code)> Offered { get; } =
    [
        (Topics.Security, "security"),
        (Topics.Traffic, "traffic"),
        (Topics.Fire, "fire"),
        (Topics.Events, "events"),
    ];

    public static string TextKey(Topics topic) => "topic." + Offered.Single(t => t.Topic == topic).Code;

    public static Topics? FromCode(string code) =>
        Offered.Where(t => t.Code == code).Select(t => (Topics?)t.Topic).FirstOrDefault();
}
