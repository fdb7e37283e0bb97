using Antq.Core.Conversations;

namespace Antq.Core.InfoDesk;

/// <summary>
/// /info: the emergency numbers, the resident's area officer (or their ward's post), and the desk's other doors; with
/// <paramref name="WardId"/> (/info Đông Kinh, "số điện thoại công an phường Đông Kinh"), that ward's post instead.
/// </summary>
public sealed record ShowInfo(string Language, string? WardId = null) : DomainChange;
