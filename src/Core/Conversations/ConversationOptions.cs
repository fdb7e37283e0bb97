namespace Antq.Core.Conversations;

public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A flow left alone longer than this is closed the next time the resident writes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Lanes handling chats concurrently; one chat always stays in one lane.</summary>
    public int Lanes { get; set; } = 64;

    /// <summary>
    /// On PostgreSQL, a row left unhandled this long is taken by whichever instance sweeps next: the instance that
    /// received it died (or is far behind). Under the chat's lock, so it never races the instance that has it in hand.
    /// </summary>
    public TimeSpan TakeOverAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On PostgreSQL, how often each instance looks for such rows (<see cref="TakeOverAfter"/>).</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest text accepted from a resident anywhere (a step may accept less).</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>
    /// Updates of one resident answered in any minute; more are stored and marked handled unanswered, with one
    /// "slow down" message a minute (<see cref="IntakeLimiter"/>). Officers are not limited. 0: no limit.
    /// </summary>
    public int MaxUpdatesPerMinute { get; set; } = 20;

    /// <summary>One chat is told "I did not understand" at most once in this time, however often it is not understood.</summary>
    public TimeSpan NotUnderstoodEvery { get; set; } = TimeSpan.FromSeconds(30);
}
