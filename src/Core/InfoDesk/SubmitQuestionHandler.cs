using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Core.InfoDesk;

/// <summary>Applies <see cref="SubmitQuestion"/> in the engine's transaction.</summary>
public sealed class SubmitQuestionHandler(TipRouteSeal seal, TextCatalog texts, AreaTree areas, TipCard tipCard, TipMessaging messaging) : IChangeHandler<SubmitQuestion>
{
    public async Task ApplyAsync(SubmitQuestion change, ChangeContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var code = await TrackingCode.NewUnusedAsync(db, cancellationToken);

        var question = new Tip
        {
            Code = code,
            Kind = TipKind.Question,
            CategoryId = SubmitQuestion.CategoryId,
            WardId = change.WardId ?? areas.Wards[0].Id,
            UnitId = change.UnitId,
            OccurredWhen = "now",
            Description = change.Question,
            Anonymous = change.AskerName is null,
            ReporterName = change.AskerName,
            Language = change.Language,
            Status = TipStatus.New,
            CreatedAt = context.Now,
        };
        db.Tips.Add(question);
        await db.SaveChangesAsync(cancellationToken);

        var input = context.Input;
        db.TipRoutes.Add(new TipRoute { TipId = question.Id, Sealed = seal.Seal(new TipperAddress(input.Channel, input.ChatId, input.UserId)) });
        db.TipEvents.Add(new TipEvent { TipId = question.Id, At = context.Now, Kind = TipEventKind.Submitted, ToStatus = TipStatus.New });
        await TipQuota.CountAsync(db, QuestionUsageFacts.Key(seal, input.Channel, input.UserId), context.Now, cancellationToken);

        context.Reply(new OutgoingMessage { Text = texts.Get(change.Language, "question.sent", TrackingCode.Display(code)) });
        await messaging.ToOfficersAsync(context, question.WardId, TipCardCopies.Followed(tipCard.Render(question)), cancellationToken);
    }
}
