using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Files the tip: a fresh tracking code, the tip (with no link to its sender), the sealed way back kept apart,
/// the quota count, the confirmation to the resident and the card to the ward's officers — in one transaction.
/// </summary>
public sealed record SubmitTip(TipDraft Draft, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var seal = context.Get<TipRouteSeal>();
        var texts = context.Get<TextCatalog>();
        var code = await TrackingCode.NewUnusedAsync(db, cancellationToken);

        var tip = new Tip
        {
            Code = code,
            CategoryId = Draft.CategoryId!,
            WardId = Draft.WardId ?? context.Get<AreaTree>().Wards[0].Id,
            UnitId = Draft.UnitId,
            PlaceText = Draft.Address,
            Latitude = Draft.Latitude,
            Longitude = Draft.Longitude,
            OccurredWhen = Draft.When ?? "now",
            Description = Draft.Description!,
            Anonymous = Draft.Anonymous != false,
            ReporterName = Draft.Anonymous == false ? Draft.Name : null,
            Language = Language,
            Status = TipStatus.New,
            CreatedAt = context.Now,
            Attachments = [.. Draft.Media.Select(m => new TipAttachment { Kind = m.Kind, FileId = m.FileId, FileSize = m.FileSize, MimeType = m.MimeType, Channel = context.Input.Channel, NextDownloadAt = context.Now })],
        };
        db.Tips.Add(tip);
        await db.SaveChangesAsync(cancellationToken);

        var input = context.Input;
        db.TipRoutes.Add(new TipRoute { TipId = tip.Id, Sealed = seal.Seal(new TipperAddress(input.Channel, input.ChatId, input.UserId)) });
        db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.Submitted, ToStatus = TipStatus.New });
        await TipQuota.CountAsync(db, seal.ResidentKey(input.Channel, input.UserId), context.Now, cancellationToken);
        if (TipUsageFacts.NetworkKey(seal, input) is { } network)
        {
            await TipQuota.CountAsync(db, network, context.Now, cancellationToken);
        }

        context.Reply(new OutgoingMessage { Text = texts.Get(Language, "tip.sent", TrackingCode.Display(code)) });
        await TipMessaging.ToOfficersAsync(context, tip.WardId, context.Get<TipCard>().Render(tip), cancellationToken);
    }
}
