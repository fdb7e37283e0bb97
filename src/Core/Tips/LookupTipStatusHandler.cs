using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="LookupTipStatus"/> in the engine's transaction.</summary>
public sealed class LookupTipStatusHandler(TextCatalog texts, StatusLookupLimiter statusLookupLimiter, TipCard tipCard) : IChangeHandler<LookupTipStatus>
{
    public async Task ApplyAsync(LookupTipStatus change, ChangeContext context, CancellationToken cancellationToken)
    {
        if (!statusLookupLimiter.TryTake(context.Input.Channel, context.Input.UserId, context.Now))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(change.Language, "tip.status_too_many") });
            return;
        }

        var tip = await TipMessaging.FindAsync(context, change.Code ?? "", cancellationToken);
        var text = tip is null
            ? texts.Get(change.Language, "tip.status_unknown")
            : texts.Get(change.Language, tip.Kind == TipKind.Question ? "question.status_is" : "tip.status_is", TrackingCode.Display(tip.Code), tipCard.StatusName(tip.Status, change.Language), LocalTime.Format(tip.CreatedAt, change.Language));
        context.Reply(new OutgoingMessage { Text = text });
    }
}
