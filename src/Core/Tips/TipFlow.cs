using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Residents;
using Antq.Core.Residents.Steps;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>
/// /tip: category → place → when → description → media → anonymous or not → review (edit or send).
/// Sending asks for <see cref="SubmitTip"/>; the code is given by it, in the same transaction.
/// </summary>
public sealed class TipFlow : IFlow
{
    public const string FlowName = "tip";

    private readonly TipCatalog _catalog;
    private readonly TipOptions _options;
    private readonly TipPrompts _prompts;

    /// <summary>Each step once: how it reads the input, what it asks, the step "« Back" returns to (none from the category or the review).</summary>
    private readonly StepTable<TipDraft> _steps;

    public TipFlow(TipCatalog catalog, IOptions<TipOptions> options)
    {
        _catalog = catalog;
        _options = options.Value;
        _prompts = new TipPrompts(catalog, options.Value);
        _steps = new StepTable<TipDraft>()
            .Add(Step.Category, Category, (c, _) => _prompts.Category(c))
            .Add(Step.Place, Place, (c, _) => TipPrompts.Place(c), back: (_, _) => Step.Category)
            .Add(
                Step.PlaceWard,
                (c, d) => AreaStep.ParseWard(c, out var problem) is { } ward
                    ? Go(c, Step.PlaceUnit, d with { WardId = ward.Id, UnitId = null, Address = null, Latitude = null, Longitude = null })
                    : StepResult.Invalid(problem!),
                (c, _) => TipPrompts.PlaceWard(c),
                back: (_, _) => Step.Place)
            .Add(Step.PlaceUnit, PlaceUnit, TipPrompts.PlaceUnit, back: (_, _) => Step.PlaceWard)
            .Add(Step.When, When, (c, _) => TipPrompts.When(c), back: (_, _) => Step.Place)
            .Add(Step.WhenDate, WhenDate, (c, _) => TipPrompts.WhenDate(c), back: (_, _) => Step.When)
            .Add(Step.Description, Description, (c, _) => _prompts.Description(c), back: (_, _) => Step.When)
            .Add(Step.Media, Media, _prompts.Media, back: (_, _) => Step.Description)
            .Add(Step.Anonymity, Anonymity, (c, _) => TipPrompts.Anonymity(c), back: (_, _) => Step.Media)
            .Add(Step.Name, NameStep, (c, _) => TipPrompts.Name(c), back: (_, _) => Step.Anonymity)
            .Add(Step.Review, Review, _prompts.Review);
    }

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Category, FlowData.Empty, _steps.Prompt(context, Step.Category, new TipDraft()));

    public StepResult Handle(FlowContext context)
    {
        var draft = TipDraft.From(context.Data);
        return _steps.Handle(context, draft, step => Go(context, step, draft)) ?? Start(context);
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [_steps.Prompt(context, context.Step, TipDraft.From(context.Data))];

    public bool AcceptsMedia(string? step, FlowData data) => step == Step.Media && TipDraft.From(data).Media.Count < _options.MaxAttachments;

    private StepResult Category(FlowContext context, TipDraft draft)
    {
        if (TipCategoryButton.Parse(Navigation.ButtonData(context))?.CategoryId is not { } id || _catalog.Find(id) is not { } category)
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var next = Go(context, draft.Description is null ? Step.Place : Step.Review, draft with { CategoryId = id });
        return category.Emergency is { } number
            ? next with { Messages = [context.Say("tip.emergency_category_" + number), .. next.Messages] }
            : next;
    }

    private StepResult Place(FlowContext context, TipDraft draft)
    {
        var input = context.Input;
        var resident = context.Resident;
        switch (TipChoiceButton.Parse(Navigation.ButtonData(context)))
        {
            case TipChoice.PlaceMine when resident?.WardId is not null:
                return Advance(context, draft with { WardId = resident.WardId, UnitId = resident.UnitId, Address = null, Latitude = null, Longitude = null });
            case TipChoice.PlaceOther:
                return Go(context, Step.PlaceWard, draft);
        }

        if (input.Kind == InboundKind.Location && input.Location is { } pin)
        {
            return Advance(context, draft with { WardId = draft.WardId ?? resident?.WardId, Latitude = pin.Latitude, Longitude = pin.Longitude, Address = input.Text });
        }

        if (input.Kind == InboundKind.Text && input.Text is { } address)
        {
            return address.Trim().Length switch
            {
                < 5 => StepResult.Invalid(context.T("tip.address_too_short")),
                > 300 => StepResult.Invalid(context.T("error.too_long", 300)),
                _ => Advance(context, draft with { WardId = draft.WardId ?? resident?.WardId, Address = address.Trim(), Latitude = null, Longitude = null }),
            };
        }

        return StepResult.Invalid(input.Kind == InboundKind.Button ? context.T("error.old_button") : context.T("tip.place_how"));
    }

    private StepResult PlaceUnit(FlowContext context, TipDraft draft)
    {
        var ward = context.Areas.FindWard(draft.WardId ?? "");
        if (ward is null)
        {
            return Go(context, Step.PlaceWard, draft);
        }

        if (AreaStep.TurnPage(context, ward, Step.PlaceUnit) is { } paged)
        {
            return paged;
        }

        return AreaStep.ParseUnit(context, ward, out var problem) is { } unit
            ? Advance(context, draft with { UnitId = unit.Id })
            : StepResult.Invalid(problem!);
    }

    private StepResult When(FlowContext context, TipDraft draft) => TipChoiceButton.Parse(Navigation.ButtonData(context)) switch
    {
        TipChoice.WhenNow => Advance(context, draft with { When = "now" }),
        TipChoice.WhenToday => Advance(context, draft with { When = "today" }),
        TipChoice.WhenEarlier => Go(context, Step.WhenDate, draft),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    /// <summary>A tip tells what happened: the day is read facing the past ("20/12" on 5 January is last December's).</summary>
    private StepResult WhenDate(FlowContext context, TipDraft draft)
    {
        var typed = context.Input.Kind == InboundKind.Text ? context.Input.Text : null;
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(context.Now));
        return TypedDateTime.ReadPastDay(typed, context.Now) switch
        {
            { Problem: DateTimeProblem.Future, Day: { } future } => StepResult.Invalid(context.T("tip.date_future", future.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))),
            { IsRead: true, Day: { } day } when day >= today.AddYears(-5) => Advance(context, draft with { When = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
            { IsRead: true } => StepResult.Invalid(context.T("tip.date_range")),
            _ => StepResult.Invalid(context.T("tip.date_format")),
        };
    }

    private StepResult Description(FlowContext context, TipDraft draft)
    {
        if (context.Input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return StepResult.Invalid(context.T("tip.description_text_only"));
        }

        text = text.Trim();
        if (text.Length < _options.MinDescriptionLength)
        {
            return StepResult.Invalid(context.T("tip.description_too_short", _options.MinDescriptionLength));
        }

        if (text.Length > _options.MaxDescriptionLength)
        {
            return StepResult.Invalid(context.T("error.too_long", _options.MaxDescriptionLength));
        }

        var next = Go(context, draft.Anonymous is null ? Step.Media : Step.Review, draft with { Description = text });
        return _catalog.EmergencyIn(text) is { } number
            ? next with { Messages = [context.Say("tip.emergency_text_" + number), .. next.Messages] }
            : next;
    }

    private StepResult Media(FlowContext context, TipDraft draft)
    {
        if (Navigation.IsDone(context))
        {
            return Go(context, draft.Anonymous is null ? Step.Anonymity : Step.Review, draft);
        }

        if (context.Input is not { Kind: InboundKind.Media, Attachments: { Count: > 0 } files })
        {
            return StepResult.Invalid(context.Input.Kind == InboundKind.Text ? context.T(context.Channel.PhotosOnly ? "tip.media_or_done_photos" : "tip.media_or_done") : Navigation.WhyNotAButton(context));
        }

        if (draft.Media.Count + files.Count > _options.MaxAttachments)
        {
            return StepResult.Invalid(context.T("tip.media_too_many", _options.MaxAttachments));
        }

        var limit = context.Channel.FileLimit(_options.MaxAttachmentBytes);
        if (files.FirstOrDefault(f => f.FileSize > limit) is not null)
        {
            return StepResult.Invalid(context.T("tip.media_too_big", limit / (1024 * 1024)));
        }

        var added = draft with { Media = [.. draft.Media, .. files] };
        return StepResult.Continue(Step.Media, added.Into(context.Data), _prompts.MediaReceived(context, added));
    }

    private StepResult Anonymity(FlowContext context, TipDraft draft) => TipChoiceButton.Parse(Navigation.ButtonData(context)) switch
    {
        TipChoice.Anonymous => Go(context, Step.Review, draft with { Anonymous = true, Name = null }),
        TipChoice.Named => Go(context, Step.Name, draft with { Anonymous = false }),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private StepResult NameStep(FlowContext context, TipDraft draft)
    {
        if (context.Input is not { Kind: InboundKind.Text, Text: { } name } || name.Trim().Length < 2)
        {
            return StepResult.Invalid(context.T("tip.name_how"));
        }

        return name.Trim().Length > 100
            ? StepResult.Invalid(context.T("error.too_long", 100))
            : Go(context, Step.Review, draft with { Name = name.Trim() });
    }

    private StepResult Review(FlowContext context, TipDraft draft)
    {
        var choice = TipChoiceButton.Parse(Navigation.ButtonData(context));
        switch (choice)
        {
            case TipChoice.EditCategory: return Go(context, Step.Category, draft);
            case TipChoice.EditPlace: return Go(context, Step.Place, draft);
            case TipChoice.EditWhen: return Go(context, Step.When, draft);
            case TipChoice.EditDescription: return Go(context, Step.Description, draft);
            case TipChoice.EditAnonymity: return Go(context, Step.Anonymity, draft);
        }

        if (choice != TipChoice.Send)
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var usage = context.Facts.Get<TipUsage>() ?? new TipUsage(0, 0);
        if (usage.LastHour >= _options.MaxPerHour || usage.LastDay >= _options.MaxPerDay)
        {
            return StepResult.Invalid(context.T(usage.LastHour >= _options.MaxPerHour ? "tip.limit_hour" : "tip.limit_day", _options.MaxPerHour, _options.MaxPerDay));
        }

        if (usage.NetworkLastDay >= _options.MaxPerNetworkPerDay)
        {
            return StepResult.Invalid(context.T("tip.limit_network", _options.MaxPerNetworkPerDay));
        }

        return StepResult.Done(MainMenu.Render(context)).With(new SubmitTip(draft, context.Language));
    }

    /// <summary>The step after the current one while writing; back to review once everything is there.</summary>
    private static string Next(TipDraft draft) => draft.When is null ? Step.When : draft.Description is null ? Step.Description : Step.Review;

    private StepResult Advance(FlowContext context, TipDraft draft) => Go(context, Next(draft), draft);

    private StepResult Go(FlowContext context, string step, TipDraft draft)
    {
        var data = draft.Into(context.Data).With("page", "0");
        return StepResult.Continue(step, data, _steps.Prompt(context with { Data = data }, step, draft));
    }

    internal static class Step
    {
        public const string Category = "category";
        public const string Place = "place";
        public const string PlaceWard = "place_ward";
        public const string PlaceUnit = "place_unit";
        public const string When = "when";
        public const string WhenDate = "when_date";
        public const string Description = "description";
        public const string Media = "media";
        public const string Anonymity = "anonymity";
        public const string Name = "name";
        public const string Review = "review";
    }
}
