using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Officers;

/// <summary>Applies <see cref="CreateInvitation"/> in the engine's transaction.</summary>
public sealed class CreateInvitationHandler(TextCatalog texts) : IChangeHandler<CreateInvitation>
{
    public async Task ApplyAsync(CreateInvitation change, ChangeContext context, CancellationToken cancellationToken)
    {
        var admin = await context.ActingOfficerAsync(cancellationToken);
        if (admin is not { Role: OfficerRole.Admin })
        {
            return;
        }

        var code = InvitationCode.New();
        context.Db.OfficerInvitations.Add(new OfficerInvitation
        {
            CodeHash = InvitationCode.Hash(code),
            Role = change.Role,
            WardId = change.WardId,
            CreatedByOfficerId = admin.Id,
            CreatedAt = context.Now,
            ExpiresAt = context.Now + change.ValidFor,
        });
        context.Reply(texts.Get(Languages.Officers, "officer.invitation", code, LocalTime.Format(context.Now + change.ValidFor, Languages.Officers)));
    }
}
