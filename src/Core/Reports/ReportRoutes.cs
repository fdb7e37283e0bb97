using System.Globalization;
using System.Text.RegularExpressions;
using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Reports;

/// <summary>
/// Officers only: /report asks for the period with buttons (this year, last year, the last five or ten years);
/// "/report 2016-2025" or "/report 2024 Hòa Thuận" (admins, or an officer naming a unit of their ward) go straight to it.
/// </summary>
public sealed partial class ReportRoutes : IInputRoute
{
    public const string Prefix = "report:";

    public static readonly CommandDescriptor Report = new("report", CommandAudience.Officers, 250, TakesArgument: true);

    public IReadOnlyList<CommandDescriptor> Commands => [Report];

    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        if (context.Facts.Get<Officer>() is not { } officer)
        {
            return null;
        }

        if (Navigation.ButtonArgument(context, Prefix) is { } chosen)
        {
            // "csv:2016-2025 chi-lang": one file of a report already shown; "2016-2025": a period from the question.
            var file = Files().Match(chosen);
            var years = file.Success ? chosen[file.Length..] : chosen;
            return Years().Match(years) is { Success: true } m
                ? Show(m, years[m.Length..].Trim() is { Length: > 0 } named ? named : null, file.Success ? file.Groups[1].Value : null)
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

        var typed = Years().Match(argument);
        return typed.Success
            ? Show(typed, argument[typed.Length..].Trim() is { Length: > 0 } area ? area : null)
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
                [new Button(context.T("report.this_year", year), $"{Prefix}{year}"), new Button(context.T("report.last_year", year - 1), $"{Prefix}{year - 1}")],
                [new Button(context.T("report.last_years", 5), $"{Prefix}{year - 4}-{year}"), new Button(context.T("report.last_years", 10), $"{Prefix}{year - 9}-{year}")],
            ],
        };
    }

    private static Turn Show(Match years, string? area, string? file = null)
    {
        var first = int.Parse(years.Groups[1].Value, CultureInfo.InvariantCulture);
        var last = years.Groups[2].Success ? int.Parse(years.Groups[2].Value, CultureInfo.InvariantCulture) : first;
        return new Turn { StateChanged = false, Changes = [new ShowSummary(Math.Min(first, last), Math.Max(first, last), area, file)] };
    }

    [GeneratedRegex("^(csv|json|xlsx):")]
    private static partial Regex Files();

    [GeneratedRegex(@"^((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?=\s|$)")]
    private static partial Regex Years();
}
