using Antq.Core.Conversations;

namespace Antq.Core.Pledges;

/// <summary>
/// Paper pledges from a CSV file, uploaded by an officer (the console): all rows or none, each row of the officer's own
/// ward (any ward for an admin). The answer, in <paramref name="Language"/>, says what was added.
/// </summary>
public sealed record ImportPaperPledges(byte[] File, string Language) : DomainChange;
