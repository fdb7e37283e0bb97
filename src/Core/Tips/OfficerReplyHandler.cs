using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="OfficerReply"/> in the engine's transaction.</summary>
public sealed class OfficerReplyHandler(TextCatalog texts, TipMessaging messaging) : IChangeHandler<OfficerReply>
{
    public async Task ApplyAsync(OfficerReply change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var tip = await TipMessaging.FindAsync(context, change.Code, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.tip_not_found") });
            return;
        }

        var display = TrackingCode.Display(tip.Code);
        var message = new OutgoingMessage
        {
            Text = tip.Kind == TipKind.Question ? texts.Get(tip.Language, "question.officer_said", display, change.Text ?? "") : texts.Get(tip.Language, "tip.officer_said", display, change.Text ?? ""),
            Media = change.PhotoFileId is { } fileId ? new MediaRef(AttachmentKind.Photo, fileId, Channel: context.Input.Channel)
                : change.Photo is { } photo ? new MediaRef(AttachmentKind.Photo, "", "anh." + (ImageFormat.Sniff(photo)?.Extension ?? "jpg"), photo)
                : null,
            Buttons = [[new Button(texts.Get(tip.Language, "tip.answer_button"), new TipAnswerButton(tip.Code).Data)]],
        };
        if (!await messaging.ToTipsterAsync(context, tip, [message], cancellationToken))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.tipster_gone", display) });
            return;
        }

        tip.FirstResponseAt ??= context.Now;
        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.OfficerReply, OfficerId = officer.Id, Text = change.Text, PhotoFileId = change.PhotoFileId ?? (change.Photo is null ? null : OfficerReply.UploadedPhoto) });
        context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.reply_sent", display) });
    }
}
