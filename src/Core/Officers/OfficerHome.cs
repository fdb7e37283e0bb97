using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Core.Officers;

/// <summary>
/// An officer's home, in the officers' language: who they are, the tips open in their scope, and their main tools as
/// buttons (which run the commands of the same names). An officer who is not a resident gets it for /start and
/// /menu instead of the residents' sign-up.
/// </summary>
public static class OfficerHome
{
    /// <param name="leadKey">A sentence said first ("stopped"), in the officers' language.</param>
    public static OutgoingMessage Render(FlowContext context, Officer officer, int? openTips, string? leadKey = null)
    {
        string T(string key, params object?[] args) => context.Texts.Get(Languages.Officers, key, args);
        var count = openTips?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        return new OutgoingMessage
        {
            Text = (leadKey is null ? "" : T(leadKey) + "\n\n") + T("officer.home", officer.DisplayName, count),
            Buttons =
            [
                [new Button(T("officer.home_tips", count), TipActionButton.ListPage(0).Data)],
                [new Button(T("officer.home_broadcast"), new MenuButton("broadcast").Data), new Button(T("officer.home_event"), new MenuButton("event").Data)],
                [new Button(T("officer.home_report"), new MenuButton("report").Data), new Button(T("officer.home_help"), new MenuButton("help").Data)],
            ],
        };
    }
}
