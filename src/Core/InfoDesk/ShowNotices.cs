using Antq.Core.Conversations;

namespace Antq.Core.InfoDesk;

/// <summary>
/// /notices: the broadcasts sent to the resident's ward (or the whole city) on topics they follow, newest first, a
/// page at a time — so a notice missed or deleted can be found again, including those sent before they signed up.
/// </summary>
public sealed record ShowNotices(int Page, string Language) : DomainChange
{
    public const int PageSize = 3;
}
