using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Reports;

/// <summary>
/// Officers only: /report asks for the period with buttons (this year, last year, the last five or ten years);
/// "/report 2016-2025" or "/report 2024 Hòa Thuận" (admins, or an officer naming a unit of their ward) go straight to it.
/// </summary>
public sealed class ReportRoutes : IInputRoute
{
    public static readonly CommandDescriptor Report = new("report", CommandAudience.Officers, 250, TakesArgument: true);

    public IReadOnlyList<CommandDescriptor> Commands => [Report];

    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        if (context.Facts.Get<Officer>() is not { } officer)
        {
            return null;
        }

        var data = Navigation.ButtonData(context);
        if (ReportButton.Owns(data))
        {
            // "csv:2016-2025 chi-lang": one file of a report already shown; "2016-2025": a period from the question.
            return ReportButton.Parse(data) is { } chosen
                ? Show(chosen.FirstYear, chosen.LastYear, chosen.Area, chosen.File)
                : Say(context.Say("error.old_button_officer"));
        }

        if (command?.Name != "report")
        {
            return null;
        }

        if (command.Argument is not { } argument)
        {
            return Say(Ask(context, officer));
        }

        return ReportButton.TryYears(argument, out var first, out var last, out var area)
            ? Show(first, last, area)
            : Say(context.Say("report.bad_period", argument));
    }

    // Officers need not be residents: no main menu or sign-up hint after the answer, and the chat stays where it was.
    private static Turn Say(OutgoingMessage message) => new() { StateChanged = false, Messages = [message] };

    private static OutgoingMessage Ask(FlowContext context, Officer officer)
    {
        var year = ReportPeriod.Today(context.Now).Year;
        var scope = officer.WardId is { } id && context.Areas.FindWard(id) is { } ward
            ? Pledges.CoverageText.WardLabel(context.Texts, context.Language, ward)
            : context.Areas.CityName;
        return new OutgoingMessage
        {
            Text = context.T("report.ask_period", scope, officer.Role == OfficerRole.Admin ? context.T("report.admin_area_hint") : ""),
            Buttons =
            [
                [new Button(context.T("report.this_year", year), ReportButton.Year(year).Data), new Button(context.T("report.last_year", year - 1), ReportButton.Year(year - 1).Data)],
                [new Button(context.T("report.last_years", 5), new ReportButton(year - 4, year).Data), new Button(context.T("report.last_years", 10), new ReportButton(year - 9, year).Data)],
            ],
        };
    }

    private static Turn Show(int first, int last, string? area, string? file = null) =>
        new() { StateChanged = false, Changes = [new ShowSummary(Math.Min(first, last), Math.Max(first, last), area, file)] };
}
