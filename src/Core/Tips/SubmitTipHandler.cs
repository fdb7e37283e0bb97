using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="SubmitTip"/> in the engine's transaction.</summary>
public sealed class SubmitTipHandler(TipRouteSeal seal, TextCatalog texts, AreaTree areas, TipCard tipCard, TipMessaging messaging) : IChangeHandler<SubmitTip>
{
    public async Task ApplyAsync(SubmitTip change, ChangeContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var code = await TrackingCode.NewUnusedAsync(db, cancellationToken);

        var tip = new Tip
        {
            Code = code,
            CategoryId = change.Draft.CategoryId!,
            WardId = change.Draft.WardId ?? areas.Wards[0].Id,
            UnitId = change.Draft.UnitId,
            PlaceText = change.Draft.Address,
            Latitude = change.Draft.Latitude,
            Longitude = change.Draft.Longitude,
            OccurredWhen = change.Draft.When ?? "now",
            Description = change.Draft.Description!,
            Anonymous = change.Draft.Anonymous != false,
            ReporterName = change.Draft.Anonymous == false ? change.Draft.Name : null,
            Language = change.Language,
            Status = TipStatus.New,
            CreatedAt = context.Now,
            Attachments = [.. change.Draft.Media.Select(m => new TipAttachment { Kind = m.Kind, FileId = m.FileId, FileSize = m.FileSize, MimeType = m.MimeType, Channel = context.Input.Channel, NextDownloadAt = context.Now })],
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

        context.Reply(new OutgoingMessage { Text = texts.Get(change.Language, "tip.sent", TrackingCode.Display(code)) });
        await messaging.ToOfficersAsync(context, tip.WardId, TipCardCopies.Followed(tipCard.Render(tip)), cancellationToken);
    }
}
