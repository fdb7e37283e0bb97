using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>/delete_me: erase everything about the resident after one confirmation.</summary>
public sealed class EraseFlow : IFlow
{
    public const string FlowName = "erase";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue("confirm", FlowData.Empty, Prompt(context).ToArray());

    public StepResult Handle(FlowContext context) => EraseButton.Parse(Navigation.ButtonData(context))?.Confirmed switch
    {
        true => StepResult.Done(MainMenu.StartHint(context, "erase.done") with { ForgetsChat = true }).With(new EraseResident()),
        false => StepResult.Done(context.Resident is { HasConsented: true } ? MainMenu.Render(context, "erase.kept") : context.Say("erase.kept")),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) =>
    [
        new OutgoingMessage
        {
            Text = context.T("erase.confirm"),
            Buttons = [[new Button(context.T("erase.yes"), EraseButton.Yes.Data), new Button(context.T("erase.no"), EraseButton.No.Data)]],
        },
    ];
}
