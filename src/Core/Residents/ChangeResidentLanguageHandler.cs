using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>Applies <see cref="ChangeResidentLanguage"/> in the engine's transaction.</summary>
public sealed class ChangeResidentLanguageHandler : IChangeHandler<ChangeResidentLanguage>
{
    public async Task ApplyAsync(ChangeResidentLanguage change, ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not null)
        {
            resident.Language = change.Language;
            resident.UpdatedAt = context.Now;
        }
    }
}
