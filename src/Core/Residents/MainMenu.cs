using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>The main menu: the entries a resident has once onboarded.</summary>
public static class MainMenu
{
    public const string Prefix = "menu:";

    /// <summary>
    /// The menu; without a lead sentence it is the next choices after an answer, and goes under that answer when there
    /// is one (<see cref="NextChoices"/>), or under a single "main menu" button when the answer has buttons of its own.
    /// </summary>
    public static OutgoingMessage Render(FlowContext context, string? leadKey = null)
    {
        var lead = leadKey is null ? context.T("menu.title") : context.T(leadKey) + "\n\n" + context.T("menu.title");
        return new OutgoingMessage
        {
            Text = lead,
            AttachesAs = leadKey is null ? [new Button(context.T("info.button_menu"), Prefix + "menu")] : null,
            Buttons =
            [
                [new Button(context.T("menu.tip"), Prefix + "tip"), new Button(context.T("menu.status"), Prefix + "status")],
                [new Button(context.T("menu.pledge"), Prefix + "pledge"), new Button(context.T("menu.events"), Prefix + "events")],
                [new Button(context.T("menu.info"), Prefix + "info")],
                [new Button(context.T("menu.settings"), Prefix + "settings"), new Button(context.T("menu.privacy"), Prefix + "privacy")],
            ],
        };
    }

    /// <summary>The "start" button offered to someone who has not (or no longer) consented.</summary>
    public static OutgoingMessage StartHint(FlowContext context, string key) => new()
    {
        Text = context.T(key),
        Buttons = [[new Button(context.T("button.start"), Prefix + "start")]],
    };
}
