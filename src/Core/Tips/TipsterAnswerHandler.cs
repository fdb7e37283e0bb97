using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="TipsterAnswer"/> in the engine's transaction.</summary>
public sealed class TipsterAnswerHandler(TextCatalog texts, TipMessaging messaging) : IChangeHandler<TipsterAnswer>
{
    public async Task ApplyAsync(TipsterAnswer change, ChangeContext context, CancellationToken cancellationToken)
    {
        var tip = await TipMessaging.FindAsync(context, change.Code, cancellationToken);
        var sender = tip is null ? null : await messaging.TipsterOfAsync(context, tip, cancellationToken);
        if (tip is null || sender is null || sender.Channel != context.Input.Channel || sender.UserId != context.Input.UserId)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(change.Language, "tip.status_unknown") });
            return;
        }

        var display = TrackingCode.Display(tip.Code);
        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.TipsterReply, Text = change.Text, PhotoFileId = change.PhotoFileId });
        var toOfficers = new OutgoingMessage
        {
            Text = tip.Kind == TipKind.Question ? texts.Get(Languages.Officers, "officer.asker_said", display, change.Text ?? "") : texts.Get(Languages.Officers, "officer.tipster_said", display, change.Text ?? ""),
            Media = change.PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, change.PhotoFileId, Channel: context.Input.Channel),
            Buttons = [[new Button(texts.Get(Languages.Officers, "officer.act_reply"), TipActionButton.For(TipAction.Reply, tip.Code).Data)]],
        };
        await messaging.ToOfficersAsync(context, tip.WardId, [toOfficers], cancellationToken);
        context.Reply(new OutgoingMessage { Text = texts.Get(change.Language, "tip.answer_sent", display) });
    }
}
