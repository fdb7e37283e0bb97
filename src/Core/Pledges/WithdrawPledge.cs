using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>Records that the resident withdrew a pledge; the pledge stays, no longer counted.</summary>
public sealed record WithdrawPledge(long PledgeId, string Language) : DomainChange;
