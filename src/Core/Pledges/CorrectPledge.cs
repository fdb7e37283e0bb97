using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>Corrects the signer's details on every pledge the resident signed for them that year, within the window.</summary>
public sealed record CorrectPledge(long PledgeId, SignerDetails Signer, string Language) : DomainChange;
