using Antq.Core.Conversations;
using Antq.Core.Residents;

namespace Antq.Core.Tips;

/// <summary>
/// "Write your message about tip CODE": one step that takes a text (or a photo with a caption) and hands it to a
/// change. Used for the tipster's answer, the officer's reply and the officer's closing note.
/// </summary>
public sealed class TipMessageFlow(string name, string promptKey, bool photoAllowed, Func<FlowContext, string, string?, string?, DomainChange> change) : IFlow
{
    public const string Answer = "tipanswer";
    public const string Reply = "tipreply";
    public const string Close = "tipclose";
    public const string Status = "tipstatus";
    public const int MaxLength = 2000;

    public string Name => name;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue("text", context.Data, Prompt(context).ToArray());

    public StepResult Handle(FlowContext context)
    {
        var code = context.Data["code"] ?? "";
        var input = context.Input;
        var photo = photoAllowed && input is { Kind: InboundKind.Media, Attachments: [{ Kind: AttachmentKind.Photo } first, ..] } ? first.FileId : null;
        var text = input.Text?.Trim();
        if (photo is null && (input.Kind != InboundKind.Text || string.IsNullOrEmpty(text)))
        {
            return StepResult.Invalid(context.T(photoAllowed ? "tip.message_text_or_photo" : "tip.message_text_only"));
        }

        if (text?.Length > MaxLength)
        {
            return StepResult.Invalid(context.T("error.too_long", MaxLength));
        }

        var next = context.Resident is { HasConsented: true } ? [MainMenu.Render(context)] : Array.Empty<OutgoingMessage>();
        return StepResult.Done(next).With(change(context, code, text, photo));
    }

    public bool AcceptsMedia(string? step, FlowData data) => photoAllowed;

    // One step, so nothing to go back to: "Cancel" leaves. A message about a tip is written at length; a code is not.
    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) =>
    [
        new OutgoingMessage
        {
            Text = context.T(promptKey, TrackingCode.Display(context.Data["code"] ?? "")),
            Buttons = [Navigation.CancelOnly(context)],
            Expects = name == Status ? ExpectedInput.Any : ExpectedInput.LongText,
        },
    ];

    public static IEnumerable<IFlow> All() =>
    [
        new TipMessageFlow(Answer, "tip.ask_answer", photoAllowed: true, (c, code, text, photo) => new TipsterAnswer(code, text, photo, c.Language)),
        new TipMessageFlow(Reply, "officer.ask_reply", photoAllowed: true, (_, code, text, photo) => new OfficerReply(code, text, photo)),
        new TipMessageFlow(Close, "officer.ask_close_note", photoAllowed: false, (c, code, text, _) => new ChangeTipStatus(code, TipStatus.Closed, text) { Card = c.Data["card"] }),
        new TipMessageFlow(Status, "tip.ask_code", photoAllowed: false, (c, _, text, _) => new LookupTipStatus(text, c.Language)),
    ];
}
