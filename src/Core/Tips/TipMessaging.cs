using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>Addressing inside a change: the officers of a tip's ward, and the tipster through the sealed route.</summary>
public sealed class TipMessaging(IOptions<TipOptions> options, TipRouteSeal seal)
{
    public static async Task<Tip?> FindAsync(ChangeContext context, string code, CancellationToken cancellationToken) =>
        TrackingCode.Normalize(code) is { } canonical
            ? await context.Db.Tips.Include(t => t.Attachments).SingleOrDefaultAsync(t => t.Code == canonical, cancellationToken)
            : null;

    /// <summary>Every officer who covers the ward (its officers and the admins), and the officers' group chat if set.</summary>
    public async Task ToOfficersAsync(ChangeContext context, string wardId, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var (channel, chatId) in await OfficerChatsAsync(context, wardId, cancellationToken))
        {
            context.Send(channel, chatId, messages, DeliveryPriority.Reply, OutboxKind.Tip);
        }
    }

    /// <summary>The chats <see cref="ToOfficersAsync"/> writes to: the ward's officers, the admins, the officers' group chat.</summary>
    public async Task<IReadOnlyList<(string Channel, string ChatId)>> OfficerChatsAsync(ChangeContext context, string wardId, CancellationToken cancellationToken)
    {
        var officers = await context.Db.Officers.Where(o => o.Role == OfficerRole.Admin || o.WardId == wardId)
            .Select(o => new { o.Channel, o.ChatId }).Distinct().ToListAsync(cancellationToken);
        var chats = officers.Select(o => (o.Channel, o.ChatId)).ToList();
        if (options.Value.OfficersGroupChatId is { Length: > 0 } group && officers.All(o => o.ChatId != group))
        {
            chats.Add((options.Value.OfficersGroupChannel, group));
        }

        return chats;
    }

    /// <summary>Sends to the tipster if the way back still exists; false after it was deleted.</summary>
    public async Task<bool> ToTipsterAsync(ChangeContext context, Tip tip, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var address = await TipsterOfAsync(context, tip, cancellationToken);
        if (address is null)
        {
            return false;
        }

        context.Send(address.Channel, address.ChatId, messages, DeliveryPriority.Reply, OutboxKind.Tip);
        return true;
    }

    public async Task<TipperAddress?> TipsterOfAsync(ChangeContext context, Tip tip, CancellationToken cancellationToken)
    {
        var route = await context.Db.TipRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.TipId == tip.Id, cancellationToken);
        return route is null ? null : seal.Open(route.Sealed);
    }
}
