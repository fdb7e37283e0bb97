using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>
/// Applies <see cref="ImportPaperPledges"/> in the writer's transaction: the file is checked again here, in the officer's
/// scope, so a file with any bad row (or a row of another ward) writes nothing whatever the page checked before.
/// </summary>
public sealed class ImportPaperPledgesHandler(PaperPledgeImport import, AreaTree areas, TextCatalog texts) : IChangeHandler<ImportPaperPledges>
{
    public async Task ApplyAsync(ImportPaperPledges change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var ward = officer?.Role == OfficerRole.Admin ? null : areas.FindWard(officer?.WardId ?? "");
        if (officer is null || (officer.Role != OfficerRole.Admin && ward is null))
        {
            return;
        }

        PaperPledgeCheck check;
        try
        {
            check = import.Check(change.File, ward);
        }
        catch (FormatException)
        {
            context.Reply(texts.Get(change.Language, "pledge_import.refused", 0, 0));
            return;
        }

        if (check.Problems.Count > 0)
        {
            context.Reply(texts.Get(change.Language, "pledge_import.refused", check.Problems.Count, check.Rows));
            return;
        }

        var result = await import.WriteAsync(context.Db, check, cancellationToken);
        context.Reply(texts.Get(change.Language, "pledge_import.done", result.Rows, result.Added, result.AlreadySigned));
    }
}
