using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Locale;

namespace Antq.Core.Residents.Steps;

/// <summary>Choosing a ward or commune, then a residential unit (paged): by button or by typing its name.</summary>
public static class AreaStep
{
    public const int UnitsPerPage = 12;
    public const int MaxTypedLength = 100;

    public static OutgoingMessage WardPrompt(FlowContext context, bool withBack, bool withCancel = true)
    {
        var rows = Navigation.Rows(context.Areas.Wards.Select(w => new Button(WardLabel(context, w), AreaButton.Ward(w.Id).Data)), 2);
        if (withBack)
        {
            rows.Add(withCancel ? Navigation.BackAndCancel(context) : [Navigation.Back(context)]);
        }

        return new OutgoingMessage { Text = context.T("area.ask_ward", context.Areas.CityName), Buttons = rows };
    }

    public static string WardLabel(FlowContext context, Ward ward) =>
        context.T(ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name);

    public static Ward? ParseWard(FlowContext context, out string? problem)
    {
        problem = null;
        if (AreaButton.Parse(Navigation.ButtonData(context)) is { Kind: AreaButtonKind.Ward, Value: var id })
        {
            return context.Areas.FindWard(id) ?? Fail<Ward>(context.T("error.old_button"), out problem);
        }

        if (context.Input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return Fail<Ward>(Navigation.WhyNotAButton(context), out problem);
        }

        if (text.Length > MaxTypedLength)
        {
            return Fail<Ward>(context.T("error.too_long", MaxTypedLength), out problem);
        }

        var folded = VietnameseText.Fold(text);
        var match = context.Areas.FindWard(text)
            ?? Single(context.Areas.Wards.Where(w => VietnameseText.Fold(w.Name).Contains(folded, StringComparison.Ordinal) && folded.Length >= 3));
        return match ?? Fail<Ward>(context.T("area.ward_not_found", text), out problem);
    }

    public static OutgoingMessage UnitPrompt(FlowContext context, Ward ward, int page, bool withBack, bool withCancel = true)
    {
        var pages = (ward.Units.Count + UnitsPerPage - 1) / UnitsPerPage;
        page = Math.Clamp(page, 0, Math.Max(0, pages - 1));
        var rows = Navigation.Rows(ward.Units.Skip(page * UnitsPerPage).Take(UnitsPerPage).Select(u => new Button(u.Name, AreaButton.Unit(u.Id).Data)), 3);
        var nav = new List<Button>();
        if (page > 0)
        {
            nav.Add(new Button(context.T("button.previous_page"), AreaButton.Page(page - 1).Data));
        }

        if (page < pages - 1)
        {
            nav.Add(new Button(context.T("button.next_page"), AreaButton.Page(page + 1).Data));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        if (withBack)
        {
            rows.Add(withCancel ? Navigation.BackAndCancel(context) : [Navigation.Back(context)]);
        }

        var text = pages > 1
            ? context.T("area.ask_unit_paged", WardLabel(context, ward), page + 1, pages)
            : context.T("area.ask_unit", WardLabel(context, ward));
        return new OutgoingMessage { Text = text, Buttons = rows };
    }

    /// <summary>The page asked for, when the input is a page button.</summary>
    public static int? ParsePage(FlowContext context) => AreaButton.Parse(Navigation.ButtonData(context))?.PageNumber;

    /// <summary>
    /// The unit step's paging, shared by every flow that asks for a unit: a page button shows that page of
    /// <paramref name="ward"/>'s units in place and remembers it (<c>page</c>) so the step is asked again on it;
    /// null when the input is not a page button.
    /// </summary>
    public static StepResult? TurnPage(FlowContext context, Ward ward, string step, bool withCancel = true)
    {
        if (ParsePage(context) is not { } page)
        {
            return null;
        }

        var paged = UnitPrompt(context, ward, page, withBack: true, withCancel) with { ReplacesMessageId = context.Input.ButtonMessageId };
        return StepResult.Continue(step, context.Data.With("page", page.ToString(CultureInfo.InvariantCulture)), paged);
    }

    public static Unit? ParseUnit(FlowContext context, Ward ward, out string? problem)
    {
        problem = null;
        if (AreaButton.Parse(Navigation.ButtonData(context)) is { Kind: AreaButtonKind.Unit, Value: var id })
        {
            var unit = context.Areas.FindUnit(id);
            return unit is not null && unit.WardId == ward.Id ? unit : Fail<Unit>(context.T("error.old_button"), out problem);
        }

        if (context.Input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return Fail<Unit>(Navigation.WhyNotAButton(context), out problem);
        }

        if (text.Length > MaxTypedLength)
        {
            return Fail<Unit>(context.T("error.too_long", MaxTypedLength), out problem);
        }

        var folded = VietnameseText.Fold(text);
        var exact = ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name) == folded);
        var bare = ward.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name).EndsWith(" " + folded, StringComparison.Ordinal));
        return exact ?? bare ?? Fail<Unit>(context.T("area.unit_not_found", text, WardLabel(context, ward)), out problem);
    }

    private static T? Single<T>(IEnumerable<T> candidates)
        where T : class
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static T? Fail<T>(string why, out string? problem)
        where T : class
    {
        problem = why;
        return null;
    }
}
