using Antq.Core.Conversations;
using Antq.Core.Text;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>An admin creates a one-time code for an officer of a ward (or another admin); it expires.</summary>
public sealed record CreateInvitation(OfficerRole Role, string? WardId, TimeSpan ValidFor) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var admin = await context.ActingOfficerAsync(cancellationToken);
        if (admin is not { Role: OfficerRole.Admin })
        {
            return;
        }

        var code = InvitationCode.New();
        context.Db.OfficerInvitations.Add(new OfficerInvitation
        {
            CodeHash = InvitationCode.Hash(code),
            Role = Role,
            WardId = WardId,
            CreatedByOfficerId = admin.Id,
            CreatedAt = context.Now,
            ExpiresAt = context.Now + ValidFor,
        });
        context.Reply(texts.Get(TipCard.Language, "officer.invitation", code, LocalTime.Format(context.Now + ValidFor, TipCard.Language)));
    }
}

/// <summary>/join CODE NAME: whoever holds a valid code becomes an officer, once.</summary>
public sealed record RedeemInvitation(string Code, string DisplayName, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var hash = InvitationCode.Hash(TrackingCode.Normalize(Code) ?? Code);
        var invitation = await context.Db.OfficerInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= context.Now)
        {
            // Unknown, used and expired codes get the same answer: nothing to learn by trying.
            context.Reply(texts.Get(Language, "officer.join_invalid"));
            return;
        }

        var input = context.Input;
        var officer = await context.Db.Officers.SingleOrDefaultAsync(o => o.Channel == input.Channel && o.ExternalUserId == input.UserId, cancellationToken);
        if (officer is null)
        {
            officer = new Officer { Channel = input.Channel, ExternalUserId = input.UserId, ChatId = input.ChatId, DisplayName = DisplayName, AddedAt = context.Now };
            context.Db.Officers.Add(officer);
        }

        officer.DisplayName = DisplayName;
        officer.Role = invitation.Role;
        officer.WardId = invitation.Role == OfficerRole.Admin ? null : invitation.WardId;
        await context.Db.SaveChangesAsync(cancellationToken);
        invitation.UsedAt = context.Now;
        invitation.UsedByOfficerId = officer.Id;
        context.Reply(texts.Get(Language, "officer.joined", DisplayName));
    }
}
