namespace Antq.Bot.Channels.WebChat;

/// <summary>What a web chat identity has become; each step up is given a new cookie (against session fixation).</summary>
public enum WebChatStage
{
    /// <summary>A browser that has not consented yet.</summary>
    Visitor = 0,

    /// <summary>The visitor pressed "I agree" to the privacy notice.</summary>
    Resident = 1,

    /// <summary>The visitor signed in as an officer (<c>/join CODE NAME</c>).</summary>
    Officer = 2,
}
