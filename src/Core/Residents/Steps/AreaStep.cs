using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Locale;

namespace Antq.Core.Residents.Steps;

/// <summary>Choosing a ward or commune, then a residential unit (paged): by button or by typing its name.</summary>
public static class AreaStep
{
    public const string WardPrefix = "ward:";
    public const string UnitPrefix = "unit:";
    public const string PagePrefix = "page:";
    public const int UnitsPerPage = 12;
    public const int MaxTypedLength = 100;

    public static OutgoingMessage WardPrompt(FlowContext context, bool withBack, bool withCancel = true)
    {
        var rows = Navigation.Rows(context.Areas.Wards.Select(w => new Button(WardLabel(context, w), WardPrefix + w.Id)), 2);
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
        if (Navigation.ButtonArgument(context, WardPrefix) is { } id)
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
        var rows = Navigation.Rows(ward.Units.Skip(page * UnitsPerPage).Take(UnitsPerPage).Select(u => new Button(u.Name, UnitPrefix + u.Id)), 3);
        var nav = new List<Button>();
        if (page > 0)
        {
            nav.Add(new Button(context.T("button.previous_page"), PagePrefix + (page - 1)));
        }

        if (page < pages - 1)
        {
            nav.Add(new Button(context.T("button.next_page"), PagePrefix + (page + 1)));
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
    public static int? ParsePage(FlowContext context) =>
        Navigation.ButtonArgument(context, PagePrefix) is { } p && int.TryParse(p, out var page) ? page : null;

    public static Unit? ParseUnit(FlowContext context, Ward ward, out string? problem)
    {
        problem = null;
        if (Navigation.ButtonArgument(context, UnitPrefix) is { } id)
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
