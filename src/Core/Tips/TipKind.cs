namespace Antq.Core.Tips;

/// <summary>
/// What a thread is: a tip (tin báo), or a resident's question to the ward's officers, which shares the tip's
/// code, thread and sealed way back but is not a tip: reports and tip counts take <see cref="Tip"/> only.
/// </summary>
public enum TipKind
{
    Tip = 0,
    Question = 1,
}
