using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>
/// Files a resident's question as a thread of kind <see cref="TipKind.Question"/>: a tracking code, the sealed way
/// back, the card to the ward's officers — the tip machinery, so officers reply and residents answer back the same
/// way. Not anonymous unless the resident chose so (then <paramref name="AskerName"/> is null).
/// </summary>
public sealed record SubmitQuestion(string Question, string? AskerName, string? WardId, string? UnitId, string Language) : DomainChange
{
    public const string CategoryId = "question";

    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var seal = context.Get<TipRouteSeal>();
        var texts = context.Get<TextCatalog>();
        var code = await TrackingCode.NewUnusedAsync(db, cancellationToken);

        var question = new Tip
        {
            Code = code,
            Kind = TipKind.Question,
            CategoryId = CategoryId,
            WardId = WardId ?? context.Get<AreaTree>().Wards[0].Id,
            UnitId = UnitId,
            OccurredWhen = "now",
            Description = Question,
            Anonymous = AskerName is null,
            ReporterName = AskerName,
            Language = Language,
            Status = TipStatus.New,
            CreatedAt = context.Now,
        };
        db.Tips.Add(question);
        await db.SaveChangesAsync(cancellationToken);

        var input = context.Input;
        db.TipRoutes.Add(new TipRoute { TipId = question.Id, Sealed = seal.Seal(new TipperAddress(input.Channel, input.ChatId, input.UserId)) });
        db.TipEvents.Add(new TipEvent { TipId = question.Id, At = context.Now, Kind = TipEventKind.Submitted, ToStatus = TipStatus.New });
        await TipQuota.CountAsync(db, QuestionUsageFacts.Key(seal, input.Channel, input.UserId), context.Now, cancellationToken);

        context.Reply(new OutgoingMessage { Text = texts.Get(Language, "question.sent", TrackingCode.Display(code)) });
        await TipMessaging.ToOfficersAsync(context, question.WardId, context.Get<TipCard>().Render(question), cancellationToken);
    }
}
