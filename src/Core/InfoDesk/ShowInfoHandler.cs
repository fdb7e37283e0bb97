using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>Applies <see cref="ShowInfo"/> in the engine's transaction.</summary>
public sealed class ShowInfoHandler(TextCatalog texts, ContactBook book, AreaTree areas) : IChangeHandler<ShowInfo>
{
    public async Task ApplyAsync(ShowInfo change, ChangeContext context, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => texts.Get(change.Language, key, args);

        var resident = await context.Db.Residents.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Channel == context.Input.Channel && r.ExternalUserId == context.Input.UserId, cancellationToken);
        var asked = change.WardId is not null;
        var officer = asked ? null : book.OfficerOf(resident?.UnitId);
        var post = book.PostOf(asked ? change.WardId : resident?.WardId);
        var ids = new[] { officer?.Id, post?.Id }.OfType<string>().ToList();
        var overrides = await context.Db.ContactOverrides.AsNoTracking().Where(o => ids.Contains(o.EntryId)).ToListAsync(cancellationToken);

        var lines = new List<string> { T("info.emergency") };
        if (officer is not null)
        {
            var o = officer.With(overrides);
            var unit = areas.FindUnit(resident!.UnitId!)?.Name ?? "";
            lines.Add(T("info.officer", unit, string.Join(" ", new[] { o.Rank, o.Name }.OfType<string>()), o.Phone, o.HoursIn(change.Language), o.Address));
        }
        else if (post is not null && !asked)
        {
            lines.Add(T("info.no_officer"));
        }

        if (post is not null)
        {
            var p = post.With(overrides);
            lines.Add(T("info.post", p.Name, p.Phone, p.HoursIn(change.Language), p.Address));
        }
        else
        {
            lines.Add(T("info.no_area"));
        }

        context.Reply(new OutgoingMessage
        {
            Text = string.Join("\n\n", lines),
            Buttons =
            [
                [new Button(T("info.button_faq"), FaqButton.FirstPage.Data), new Button(T("info.button_ask"), AskOfficerButton.Instance.Data)],
                [new Button(T("info.button_notices"), new NoticesPageButton(0).Data), new Button(T("info.button_menu"), MenuButton.Menu.Data)],
            ],
        });
    }
}
