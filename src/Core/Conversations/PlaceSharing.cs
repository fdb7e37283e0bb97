namespace Antq.Core.Conversations;

/// <summary>The gesture a channel offers for sharing a location, so the place step names the right one.</summary>
public enum PlaceSharing
{
    /// <summary>Telegram: the 📎 attachment menu, then Location.</summary>
    AttachmentMenu,

    /// <summary>The web chat: the 📍 button beside the message box, which asks the browser for the position.</summary>
    LocationButton,

    /// <summary>Zalo: the ••• button beside the message box, then Location.</summary>
    MoreMenu,
}
