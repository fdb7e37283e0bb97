using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Residents.Steps;

/// <summary>Choosing the language: buttons, or the language's name typed.</summary>
public static class LanguageStep
{
    // Both languages on one screen: the resident has not chosen yet.
    public static OutgoingMessage Prompt(FlowContext context, bool withBack = false)
    {
        var rows = new List<IReadOnlyList<Button>>
        {
            new[] { new Button(context.Texts.Get(Languages.Vietnamese, "language.name"), new LanguageButton(Languages.Vietnamese).Data), new Button(context.Texts.Get(Languages.English, "language.name"), new LanguageButton(Languages.English).Data) },
        };
        if (withBack)
        {
            rows.Add(Navigation.BackAndCancel(context));
        }

        return new OutgoingMessage { Text = context.Texts.Get(Languages.Vietnamese, "language.ask") + "\n" + context.Texts.Get(Languages.English, "language.ask"), Buttons = rows };
    }

    /// <summary>The chosen language, or null with the input not understood.</summary>
    public static string? Parse(FlowContext context)
    {
        var input = context.Input;
        if (input.Kind == InboundKind.Button)
        {
            return LanguageButton.Parse(input.ButtonData)?.Language;
        }

        if (input.Kind == InboundKind.Text && input.Text is { } text)
        {
            return VietnameseText.Fold(text) switch
            {
                "tieng viet" or "viet" or "vi" or "vietnamese" => Languages.Vietnamese,
                "english" or "en" or "tieng anh" => Languages.English,
                _ => null,
            };
        }

        return null;
    }
}
