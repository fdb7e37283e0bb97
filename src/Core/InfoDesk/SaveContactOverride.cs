using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>An officer's update of a contact in their ward: stored over the file's value, shown to residents at once.</summary>
public sealed record SaveContactOverride(string EntryId, string Field, string Value, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var entry = context.Get<ContactBook>().Find(EntryId);
        if (officer is null || entry is null || !officer.Covers(entry.WardId) || !AreaContact.Fields.Contains(Field))
        {
            context.Reply(texts.Get(Language, "contact.not_allowed"));
            return;
        }

        var row = await context.Db.ContactOverrides.SingleOrDefaultAsync(o => o.EntryId == EntryId && o.Field == Field, cancellationToken);
        if (row is null)
        {
            row = new ContactOverride { EntryId = EntryId, Field = Field, Value = Value };
            context.Db.ContactOverrides.Add(row);
        }

        row.Value = Value;
        row.OfficerId = officer.Id;
        row.UpdatedAt = context.Now;
        context.Reply(texts.Get(Language, "contact.saved", texts.Get(Language, "contact.field_" + Field), entry.Name, Value));
    }
}
