using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Bot.WebConsole;

/// <summary>Applies <see cref="KeepConsolePhoto"/>: one row, owned by the officer acting.</summary>
public sealed class KeepConsolePhotoHandler(TextCatalog texts) : IChangeHandler<KeepConsolePhoto>
{
    public async Task ApplyAsync(KeepConsolePhoto change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null || !ConsolePhotoFiles.IsId(change.Id))
        {
            context.Reply(texts.Get(Languages.Officers, "officer.not_officer_any_more"));
            return;
        }

        context.Db.ConsolePhotos.Add(new ConsolePhoto { Id = change.Id, OfficerId = officer.Id, CreatedAt = context.Now, Bytes = change.Bytes });
    }
}
