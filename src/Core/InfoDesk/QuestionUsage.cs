namespace Antq.Core.InfoDesk;

/// <summary>How many questions the sender asked in the last hour and day (loaded only while one is being written).</summary>
public sealed record QuestionUsage(int LastHour, int LastDay)
{
    public const int MaxPerHour = 3;
    public const int MaxPerDay = 10;

    public bool Exhausted => LastHour >= MaxPerHour || LastDay >= MaxPerDay;
}
