namespace Antq.Bot.Channels.WebChat;

/// <summary>What the page posts: exactly one of a typed text, a pressed button or a shared location.</summary>
/// <param name="Id">The page's id of this post (letters, digits, '-'), so a post sent twice is handled once.</param>
/// <param name="Text">Typed text (a command like "/start" included).</param>
/// <param name="Button">Data of the pressed button.</param>
/// <param name="MessageId">Id of the bot's message that carried the pressed button.</param>
/// <param name="Location">A location shared by the browser.</param>
/// <param name="Language">The page's language ("vi" or "en"), a hint only.</param>
public sealed record WebChatPost(string? Id, string? Text, string? Button, string? MessageId, WebChatLocation? Location, string? Language);

public sealed record WebChatLocation(double Latitude, double Longitude);
