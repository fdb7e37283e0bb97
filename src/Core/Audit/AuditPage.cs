namespace Antq.Core.Audit;

/// <summary>A page of the audit log, newest first; <see cref="Total"/> counts every entry the filter matches.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);
