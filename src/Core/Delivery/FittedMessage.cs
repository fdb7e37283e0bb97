using Antq.Core.Conversations;

namespace Antq.Core.Delivery;

/// <summary>
/// An outgoing message as a channel can send it: one or more parts (long texts split), buttons on the last part
/// only, and every choice the resident was offered in order (a numbered list answers with its 1-based index).
/// </summary>
public sealed record FittedMessage(IReadOnlyList<FittedPart> Parts, IReadOnlyList<Button> Choices, bool Numbered);

/// <summary>One message as the channel sends it.</summary>
public sealed record FittedPart(string Text, IReadOnlyList<Button> Buttons, MediaRef? Media = null);
