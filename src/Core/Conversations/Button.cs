namespace Antq.Core.Conversations;

/// <summary>A button: the label the resident sees and the data that comes back (at most 64 bytes, Telegram's limit).</summary>
public sealed record Button(string Label, string Data);
