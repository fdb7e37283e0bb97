using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>Applies <see cref="SaveContactOverride"/> in the engine's transaction.</summary>
public sealed class SaveContactOverrideHandler(TextCatalog texts, ContactBook contactBook) : IChangeHandler<SaveContactOverride>
{
    public async Task ApplyAsync(SaveContactOverride change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var entry = contactBook.Find(change.EntryId);
        if (officer is null || entry is null || !officer.Covers(entry.WardId) || !AreaContact.Fields.Contains(change.Field))
        {
            context.Reply(texts.Get(change.Language, "contact.not_allowed"));
            return;
        }

        var row = await context.Db.ContactOverrides.SingleOrDefaultAsync(o => o.EntryId == change.EntryId && o.Field == change.Field, cancellationToken);
        if (row is null)
        {
            row = new ContactOverride { EntryId = change.EntryId, Field = change.Field, Value = change.Value };
            context.Db.ContactOverrides.Add(row);
        }

        row.Value = change.Value;
        row.OfficerId = officer.Id;
        row.UpdatedAt = context.Now;
        context.Reply(texts.Get(change.Language, "contact.saved", texts.Get(change.Language, "contact.field_" + change.Field), entry.Name, change.Value));
    }
}
