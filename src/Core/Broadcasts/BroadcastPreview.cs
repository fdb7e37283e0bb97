using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Locale;

namespace Antq.Core.Broadcasts;

/// <summary>What an officer confirms before a broadcast goes: the message as residents will see it, its audience and when it will go.</summary>
internal static class BroadcastPreview
{
    // Telegram's longest text (its longest caption is BroadcastDraft's); the web chat and Zalo take as much, or split longer texts themselves.
    private const int MaxText = 4096;

    /// <summary>
    /// The preview as one message: the broadcast as residents will see it, then what, to whom and when, with the
    /// buttons. Only a text too long to go with it (a photo's caption holds 1,024 characters) makes it two.
    /// </summary>
    public static IReadOnlyList<OutgoingMessage> Render(FlowContext context, BroadcastDraft draft)
    {
        var text = draft.Text ?? "";
        var media = draft.PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, draft.PhotoFileId, Channel: context.Input.Channel);
        var reach = context.Facts.Get<BroadcastReach>()?.Recipients;
        var summary = context.T(
            "broadcast.preview",
            context.T("broadcast.topic_" + BroadcastTopics.Code(draft.Topic ?? BroadcastTopic.Awareness)),
            BroadcastFlow.Describe(context, draft),
            When(context, draft),
            reach?.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) ?? "?");
        IReadOnlyList<IReadOnlyList<Button>> buttons = [[new Button(context.T("broadcast.confirm"), new BroadcastDraftButton(BroadcastDraftField.Preview, "send").Data), new Button(context.T("broadcast.drop"), new BroadcastDraftButton(BroadcastDraftField.Preview, "cancel").Data)]];
        var whole = context.T("broadcast.preview_head") + "\n\n" + text + "\n\n———\n" + summary;
        if (whole.Length <= (media is null ? MaxText : BroadcastDraft.MaxCaptionLength))
        {
            return [new OutgoingMessage { Text = whole, Media = media, Buttons = buttons }];
        }

        return [new OutgoingMessage { Text = text, Media = media }, new OutgoingMessage { Text = context.T("broadcast.preview_above") + "\n\n" + summary, Buttons = buttons }];
    }

    /// <summary>When it will go, said before confirming: now, a scheduled time, or when quiet hours end for a non-urgent one.</summary>
    public static string When(FlowContext context, BroadcastDraft draft)
    {
        var at = draft.At ?? context.Now;
        var quiet = draft.Topic == BroadcastTopic.Urgent ? null : context.QuietHours;
        var goes = quiet?.NextAllowed(at) ?? at;
        var window = quiet?.Window ?? "";
        var when = (draft.At, goes > at) switch
        {
            (null, false) => context.T("broadcast.when_now"),
            (null, true) => context.T("broadcast.when_quiet_now", LocalTime.Format(goes, context.Language), window),
            (_, false) => LocalTime.Format(at, context.Language),
            (_, true) => context.T("broadcast.when_quiet_at", LocalTime.Format(at, context.Language), LocalTime.Format(goes, context.Language), window),
        };
        return draft.Recurrence == Recurrence.None
            ? when
            : context.T("broadcast.repeating", when, BroadcastFlow.RepeatLabel((key, args) => context.T(key, args), draft.Recurrence, draft.Weekdays));
    }
}
