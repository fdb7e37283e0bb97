using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Tips;

/// <summary>The questions of the tip flow and the review, as the resident sees them; <see cref="TipFlow"/> says which step asks which.</summary>
internal sealed class TipPrompts(TipCatalog catalog, TipOptions options)
{
    public static OutgoingMessage PlaceWard(FlowContext context) => AreaStep.WardPrompt(context, withBack: true);

    /// <summary>The units of the chosen ward, at the page the chat is on; the wards again when none is chosen.</summary>
    public static OutgoingMessage PlaceUnit(FlowContext context, TipDraft draft) =>
        context.Areas.FindWard(draft.WardId ?? "") is { } ward
            ? AreaStep.UnitPrompt(context, ward, context.Data.GetInt("page"), withBack: true)
            : PlaceWard(context);

    public static OutgoingMessage When(FlowContext context) => new()
    {
        Text = context.T("tip.ask_when"),
        Buttons =
        [
            [new Button(context.T("tip.when_now"), new TipChoiceButton(TipChoice.WhenNow).Data), new Button(context.T("tip.when_today"), new TipChoiceButton(TipChoice.WhenToday).Data)],
            [new Button(context.T("tip.when_earlier"), new TipChoiceButton(TipChoice.WhenEarlier).Data)],
            Navigation.BackAndCancel(context),
        ],
    };

    public static OutgoingMessage WhenDate(FlowContext context) => new() { Text = context.T("tip.ask_date"), Buttons = [Navigation.BackAndCancel(context)], Expects = ExpectedInput.Date };

    public OutgoingMessage Description(FlowContext context) => new()
    {
        Text = context.T("tip.ask_description", options.MinDescriptionLength, options.MaxDescriptionLength),
        Buttons = [Navigation.BackAndCancel(context)],
        Expects = ExpectedInput.LongText,
    };

    public OutgoingMessage Media(FlowContext context, TipDraft draft) => new()
    {
        Text = context.T(context.Channel.PhotosOnly ? "tip.ask_media_photos" : "tip.ask_media", options.MaxAttachments, context.Channel.FileLimit(options.MaxAttachmentBytes) / (1024 * 1024)),
        Buttons = [[new Button(context.T(draft.Media.Count == 0 ? "tip.media_none" : "button.done"), Navigation.DoneData)], Navigation.BackAndCancel(context)],
    };

    public static OutgoingMessage Anonymity(FlowContext context) => new()
    {
        Text = context.T("tip.ask_anonymity"),
        Buttons = [[new Button(context.T("tip.anonymous_yes"), new TipChoiceButton(TipChoice.Anonymous).Data)], [new Button(context.T("tip.anonymous_no"), new TipChoiceButton(TipChoice.Named).Data)], Navigation.BackAndCancel(context)],
    };

    public static OutgoingMessage Name(FlowContext context) => new() { Text = context.T("tip.ask_name"), Buttons = [Navigation.BackAndCancel(context)] };

    public OutgoingMessage Category(FlowContext context) => new()
    {
        Text = context.T("tip.ask_category"),
        Buttons = [.. Navigation.Rows(catalog.Categories.Select(c => new Button(c.Name(context.Language), new TipCategoryButton(c.Id).Data)), 2), Navigation.CancelOnly(context)],
    };

    public OutgoingMessage MediaReceived(FlowContext context, TipDraft draft) => new()
    {
        Text = context.T("tip.media_received", draft.Media.Count, options.MaxAttachments),
        Buttons = [[new Button(context.T("button.done"), Navigation.DoneData)], Navigation.BackAndCancel(context)],
    };

    public static OutgoingMessage Place(FlowContext context)
    {
        var rows = new List<IReadOnlyList<Button>>();
        if (context.Resident is { WardId: not null } resident)
        {
            var unit = context.Areas.FindUnit(resident.UnitId ?? "");
            var ward = context.Areas.FindWard(resident.WardId);
            var label = unit?.Name ?? (ward is null ? "" : AreaStep.WardLabel(context, ward));
            rows.Add([new Button(context.T("tip.place_mine", label), new TipChoiceButton(TipChoice.PlaceMine).Data)]);
        }

        rows.Add([new Button(context.T("tip.place_other"), new TipChoiceButton(TipChoice.PlaceOther).Data)]);
        rows.Add(Navigation.BackAndCancel(context));
        return new OutgoingMessage { Text = context.T("tip.ask_place", context.T(PlaceSharingKey(context.Channel.Place))), Buttons = rows };
    }

    // How this channel shares a location, in the place step's words.
    private static string PlaceSharingKey(PlaceSharing place) => place switch
    {
        PlaceSharing.LocationButton => "tip.place_share_location_button",
        PlaceSharing.MoreMenu => "tip.place_share_more_menu",
        _ => "tip.place_share_attachment_menu",
    };

    public OutgoingMessage Review(FlowContext context, TipDraft draft)
    {
        var summary = context.T(
            "tip.review",
            catalog.Find(draft.CategoryId ?? "")?.Name(context.Language) ?? "",
            PlaceText(context, draft),
            draft.WhenText(context),
            draft.Description ?? "",
            draft.Media.Count,
            draft.Anonymous == true ? context.T("tip.review_anonymous") : context.T("tip.review_named", draft.Name ?? ""));
        return new OutgoingMessage
        {
            Text = summary,
            Buttons =
            [
                [new Button(context.T("tip.send"), new TipChoiceButton(TipChoice.Send).Data)],
                [new Button(context.T("tip.edit_description"), new TipChoiceButton(TipChoice.EditDescription).Data), new Button(context.T("tip.edit_place"), new TipChoiceButton(TipChoice.EditPlace).Data)],
                [new Button(context.T("tip.edit_when"), new TipChoiceButton(TipChoice.EditWhen).Data), new Button(context.T("tip.edit_category"), new TipChoiceButton(TipChoice.EditCategory).Data)],
                [new Button(context.T("tip.edit_anonymity"), new TipChoiceButton(TipChoice.EditAnonymity).Data)],
                Navigation.CancelOnly(context),
            ],
        };
    }

    /// <summary>Where it happened, in words: a unit, a typed address, or a pin.</summary>
    public static string PlaceText(FlowContext context, TipDraft draft)
    {
        var parts = new List<string>();
        if (context.Areas.FindUnit(draft.UnitId ?? "") is { } unit)
        {
            parts.Add(unit.Name);
        }

        if (context.Areas.FindWard(draft.WardId ?? "") is { } ward)
        {
            parts.Add(AreaStep.WardLabel(context, ward));
        }

        if (draft.Address is { } address)
        {
            parts.Insert(0, address);
        }

        if (draft.Latitude is { } lat && draft.Longitude is { } lon)
        {
            parts.Add(context.T("tip.pin", lat.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture), lon.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Locale.TextList.Place(parts);
    }
}
