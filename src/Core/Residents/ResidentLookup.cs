using Antq.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Residents;

internal static class ResidentLookup
{
    public static Task<Resident?> FindAsync(ChangeContext context, CancellationToken cancellationToken) =>
        context.Db.Residents.SingleOrDefaultAsync(
            r => r.Channel == context.Input.Channel && r.ExternalUserId == context.Input.UserId, cancellationToken);

    public static async Task<Resident> FindOrCreateAsync(ChangeContext context, string language, CancellationToken cancellationToken)
    {
        var resident = await FindAsync(context, cancellationToken);
        if (resident is null)
        {
            resident = new Resident
            {
                Channel = context.Input.Channel,
                ExternalUserId = context.Input.UserId,
                ChatId = context.Input.ChatId,
                Language = language,
                CreatedAt = context.Now,
                UpdatedAt = context.Now,
            };
            context.Db.Residents.Add(resident);
        }

        resident.ChatId = context.Input.ChatId;
        return resident;
    }
}
