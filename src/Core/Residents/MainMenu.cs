using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>The main menu: the entries a resident has once onboarded.</summary>
public static class MainMenu
{

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
            AttachesAs = leadKey is null ? [new Button(context.T("info.button_menu"), MenuButton.Menu.Data)] : null,
            Buttons =
            [
                [new Button(context.T("menu.tip"), new MenuButton("tip").Data), new Button(context.T("menu.status"), new MenuButton("status").Data)],
                [new Button(context.T("menu.pledge"), new MenuButton("pledge").Data), new Button(context.T("menu.events"), new MenuButton("events").Data)],
                [new Button(context.T("menu.info"), new MenuButton("info").Data)],
                [new Button(context.T("menu.settings"), new MenuButton("settings").Data), new Button(context.T("menu.privacy"), new MenuButton("privacy").Data)],
            ],
        };
    }

    /// <summary>The "start" button offered to someone who has not (or no longer) consented.</summary>
    public static OutgoingMessage StartHint(FlowContext context, string key) => new()
    {
        Text = context.T(key),
        Buttons = [[new Button(context.T("button.start"), new MenuButton("start").Data)]],
    };
}
