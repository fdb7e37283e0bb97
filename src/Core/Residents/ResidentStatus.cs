namespace Antq.Core.Residents;

public enum ResidentStatus
{
    Active = 0,

    /// <summary>The resident blocked the bot: nothing is sent until they unblock it.</summary>
    Blocked = 1,

    /// <summary>The resident left the channel (unfollowed).</summary>
    Left = 2,
}
