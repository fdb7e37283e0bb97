using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>
/// Files the tip: a fresh tracking code, the tip (with no link to its sender), the sealed way back kept apart,
/// the quota count, the confirmation to the resident and the card to the ward's officers — in one transaction.
/// </summary>
public sealed record SubmitTip(TipDraft Draft, string Language) : DomainChange;
