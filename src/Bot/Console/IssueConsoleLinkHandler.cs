using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Bot.WebConsole;

/// <summary>Applies <see cref="IssueConsoleLink"/>: stores the new link's hash and answers with the link.</summary>
public sealed class IssueConsoleLinkHandler(ConsoleLinks links, TextCatalog texts) : IChangeHandler<IssueConsoleLink>
{
    public async Task ApplyAsync(IssueConsoleLink change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            context.Reply(texts.Get(Languages.Officers, "officer.not_officer_any_more"));
            return;
        }

        var token = ConsoleLinks.NewToken();
        await ConsoleLinks.StoreAsync(context.Db, officer.Id, token, context.Now, cancellationToken);
        var minutes = ((int)ConsoleLinks.Validity.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        context.Reply(texts.Get(Languages.Officers, "officer.console_link", links.LinkFor(token), minutes));
    }
}
