namespace Antq.Core.Pledges;

/// <summary>The pledges the resident signed in the chat (all years, withdrawn ones too), loaded for pledge turns.</summary>
public sealed record MyPledges(IReadOnlyList<Pledge> Pledges)
{
    public Pledge? Find(long id) => Pledges.FirstOrDefault(p => p.Id == id);
}
