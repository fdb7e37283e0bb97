namespace Antq.Core.Tips;

/// <summary>
/// A page of the console's queue. <see cref="CountsByStatus"/> counts the same scope and filters without the status
/// filter (the tabs above the list), every status present, zeros included; <see cref="Total"/> counts the rows the
/// filters match, status included (for paging).
/// </summary>
public sealed record TipQueuePage(IReadOnlyList<TipQueueRow> Rows, IReadOnlyDictionary<TipStatus, int> CountsByStatus, int Total, int Page, int PageSize);
