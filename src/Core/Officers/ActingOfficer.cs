using Antq.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>The officer who wrote the input a change is applied for, read again inside its transaction.</summary>
public static class ActingOfficer
{
    public static Task<Officer?> ActingOfficerAsync(this ChangeContext context, CancellationToken cancellationToken) =>
        context.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Channel == context.Input.Channel && o.ExternalUserId == context.Input.UserId, cancellationToken);
}
