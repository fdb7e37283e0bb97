using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Bot.WebConsole;

/// <summary>
/// Runs an officer's action from the console as the domain change the chat would make (the same handler, scope check,
/// audit row and message to the tipster), as if the officer had sent it from their own chat account.
/// </summary>
public sealed class ConsoleActions(ChangeRunner runner, TimeProvider time)
{
    /// <summary>Applies <paramref name="change"/> for <paramref name="officer"/>; returns the first line of the chat's answer.</summary>
    public async Task<string?> RunAsync(Officer officer, DomainChange change, CancellationToken cancellationToken)
    {
        var input = new InboundMessage
        {
            Channel = officer.Channel,
            UpdateId = "console-" + Guid.NewGuid().ToString("N"),
            ChatId = officer.ChatId,
            UserId = officer.ExternalUserId,
            Kind = InboundKind.Text,
            SentAt = time.GetUtcNow(),
        };
        var replies = await runner.RunAsync(input, change, cancellationToken);
        return replies.FirstOrDefault()?.Text?.Split("\n\n")[0];
    }
}
