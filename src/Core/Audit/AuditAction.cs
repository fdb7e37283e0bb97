namespace Antq.Core.Audit;

/// <summary>What an entry of the audit log records: something done to a tip (its history) or a broadcast.</summary>
public enum AuditAction
{
    TipSubmitted = 0,
    TipStatusChanged = 1,
    TipOfficerReply = 2,
    TipTipsterReply = 3,
    TipInternalNote = 4,
    TipAssigned = 5,
    BroadcastCreated = 10,
}
