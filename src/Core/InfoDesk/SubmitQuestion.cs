using Antq.Core.Conversations;
using Antq.Core.Tips;

namespace Antq.Core.InfoDesk;

/// <summary>
/// Files a resident's question as a thread of kind <see cref="TipKind.Question"/>: a tracking code, the sealed way
/// back, the card to the ward's officers — the tip machinery, so officers reply and residents answer back the same
/// way. Not anonymous unless the resident chose so (then <paramref name="AskerName"/> is null).
/// </summary>
public sealed record SubmitQuestion(string Question, string? AskerName, string? WardId, string? UnitId, string Language) : DomainChange
{
    public const string CategoryId = "question";
}
