using Antq.Core.Conversations;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>Applies <see cref="RedeemInvitation"/> in the engine's transaction.</summary>
public sealed class RedeemInvitationHandler(TextCatalog texts, IEnumerable<IOfficerMenus> menus) : IChangeHandler<RedeemInvitation>
{
    public async Task ApplyAsync(RedeemInvitation change, ChangeContext context, CancellationToken cancellationToken)
    {
        var hash = InvitationCode.Hash(TrackingCode.Normalize(change.Code) ?? change.Code);
        var invitation = await context.Db.OfficerInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= context.Now)
        {
            // Unknown, used and expired codes get the same answer: nothing to learn by trying.
            context.Reply(texts.Get(change.Language, "officer.join_invalid"));
            return;
        }

        var input = context.Input;
        var officer = await context.Db.Officers.SingleOrDefaultAsync(o => o.Channel == input.Channel && o.ExternalUserId == input.UserId, cancellationToken);
        if (officer is null)
        {
            officer = new Officer { Channel = input.Channel, ExternalUserId = input.UserId, ChatId = input.ChatId, DisplayName = change.DisplayName, AddedAt = context.Now };
            context.Db.Officers.Add(officer);
        }

        officer.DisplayName = change.DisplayName;
        officer.Role = invitation.Role;
        officer.WardId = invitation.Role == OfficerRole.Admin ? null : invitation.WardId;
        await context.Db.SaveChangesAsync(cancellationToken);
        invitation.UsedAt = context.Now;
        invitation.UsedByOfficerId = officer.Id;
        context.Reply(texts.Get(change.Language, "officer.joined", change.DisplayName));
        foreach (var menu in menus)
        {
            menu.Show(officer);
        }
    }
}
