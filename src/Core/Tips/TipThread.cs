using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>An officer's reply goes to the tipster through the bot; it lands in the tip's thread.</summary>
public sealed record OfficerReply(string Code, string? Text, string? PhotoFileId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var tip = await TipMessaging.FindAsync(context, Code, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.tip_not_found") });
            return;
        }

        var display = TrackingCode.Display(tip.Code);
        var message = new OutgoingMessage
        {
            Text = tip.Kind == TipKind.Question ? texts.Get(tip.Language, "question.officer_said", display, Text ?? "") : texts.Get(tip.Language, "tip.officer_said", display, Text ?? ""),
            Media = PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, PhotoFileId, Channel: context.Input.Channel),
            Buttons = [[new Button(texts.Get(tip.Language, "tip.answer_button"), "tipans:" + tip.Code)]],
        };
        if (!await TipMessaging.ToTipsterAsync(context, tip, [message], cancellationToken))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.tipster_gone", display) });
            return;
        }

        tip.FirstResponseAt ??= context.Now;
        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.OfficerReply, OfficerId = officer.Id, Text = Text, PhotoFileId = PhotoFileId });
        context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.reply_sent", display) });
    }
}

/// <summary>The tipster answers an officer; only the one who sent the tip can, and the officers of its ward see it.</summary>
public sealed record TipsterAnswer(string Code, string? Text, string? PhotoFileId, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var tip = await TipMessaging.FindAsync(context, Code, cancellationToken);
        var sender = tip is null ? null : await TipMessaging.TipsterOfAsync(context, tip, cancellationToken);
        if (tip is null || sender is null || sender.Channel != context.Input.Channel || sender.UserId != context.Input.UserId)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Language, "tip.status_unknown") });
            return;
        }

        var display = TrackingCode.Display(tip.Code);
        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.TipsterReply, Text = Text, PhotoFileId = PhotoFileId });
        var toOfficers = new OutgoingMessage
        {
            Text = tip.Kind == TipKind.Question ? texts.Get(TipCard.Language, "officer.asker_said", display, Text ?? "") : texts.Get(TipCard.Language, "officer.tipster_said", display, Text ?? ""),
            Media = PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, PhotoFileId, Channel: context.Input.Channel),
            Buttons = [[new Button(texts.Get(TipCard.Language, "officer.act_reply"), "tipact:reply:" + tip.Code)]],
        };
        await TipMessaging.ToOfficersAsync(context, tip.WardId, [toOfficers], cancellationToken);
        context.Reply(new OutgoingMessage { Text = texts.Get(Language, "tip.answer_sent", display) });
    }
}
