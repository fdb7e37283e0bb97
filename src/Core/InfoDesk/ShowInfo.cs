using Antq.Core.Conversations;

namespace Antq.Core.InfoDesk;

/// <summary>/info: the emergency numbers, the resident's area officer (or their ward's post), and the desk's other doors.</summary>
public sealed record ShowInfo(string Language) : DomainChange;
