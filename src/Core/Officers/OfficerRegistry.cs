using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>The operator's view of officers: add (or update), invite, list, remove.</summary>
public sealed class OfficerRegistry(AntqDb db, TimeProvider time)
{
    /// <summary>Adds the officer, or updates name, role and ward of one already known; true when added.</summary>
    public async Task<bool> AddAsync(string channel, string userId, string name, OfficerRole role, string? wardId, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Channel == channel && o.ExternalUserId == userId, cancellationToken);
        var added = officer is null;
        officer ??= db.Officers.Add(new Officer { Channel = channel, ExternalUserId = userId, ChatId = userId, DisplayName = name, AddedAt = time.GetUtcNow().UtcDateTime }).Entity;
        officer.DisplayName = name;
        officer.Role = role;
        officer.WardId = role == OfficerRole.Admin ? null : wardId;
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<Officer>> ListAsync(CancellationToken cancellationToken) =>
        await db.Officers.AsNoTracking().OrderBy(o => o.Role).ThenBy(o => o.WardId).ThenBy(o => o.DisplayName).ToListAsync(cancellationToken);

    /// <summary>A one-time code for <c>/join CODE NAME</c> on any channel, made by the operator (no officer created it).</summary>
    public async Task<(string Code, DateTime ExpiresAt)> InviteAsync(OfficerRole role, string? wardId, CancellationToken cancellationToken)
    {
        var code = InvitationCode.New();
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new OfficerInvitation
        {
            CodeHash = InvitationCode.Hash(code),
            Role = role,
            WardId = role == OfficerRole.Admin ? null : wardId,
            CreatedByOfficerId = OfficerInvitation.ByOperator,
            CreatedAt = now,
            ExpiresAt = now + OfficerInvitation.Validity,
        };
        db.OfficerInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return (code, invitation.ExpiresAt);
    }

    public async Task<bool> RemoveAsync(string channel, string userId, CancellationToken cancellationToken) =>
        await db.Officers.Where(o => o.Channel == channel && o.ExternalUserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
