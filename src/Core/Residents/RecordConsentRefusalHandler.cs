using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>Applies <see cref="RecordConsentRefusal"/> in the engine's transaction.</summary>
public sealed class RecordConsentRefusalHandler : IChangeHandler<RecordConsentRefusal>
{
    public async Task ApplyAsync(RecordConsentRefusal change, ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindOrCreateAsync(context, change.Language, cancellationToken);
        resident.Language = change.Language;
        resident.WardId = null;
        resident.UnitId = null;
        resident.Topics = Topics.None;
        resident.ConsentedAt = null;
        resident.ConsentRefusedAt = context.Now;
        resident.UpdatedAt = context.Now;
    }
}
