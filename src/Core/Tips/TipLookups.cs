using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>/status CODE: the tip's status in the resident's language; any unknown or wrong code gets the same answer.</summary>
public sealed record LookupTipStatus(string? Code, string Language) : DomainChange;

/// <summary>/tips: open tips in the officer's scope, newest first, a page at a time.</summary>
public sealed record ListTips(int Page) : DomainChange
{
    public const int PageSize = 5;
}

/// <summary>A tip opened from the list: its card and its thread.</summary>
public sealed record ShowTip(string Code) : DomainChange;
