using Antq.Core.Conversations;
using Antq.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Conversations;

/// <summary>The host knows a handler for every change a flow can ask for, so no change fails only when a resident first reaches it.</summary>
public sealed class ChangeHandlerRegistrationTests
{
    [Fact]
    public async Task Every_change_a_flow_can_ask_for_has_a_handler_the_host_can_build()
    {
        await using var bot = await TestBot.StartAsync();
        var changes = typeof(DomainChange).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DomainChange)) && !t.IsAbstract)
            .ToList();
        Assert.True(changes.Count > 30, $"only {changes.Count} change types found");

        Assert.Empty(bot.Services.GetRequiredService<ChangeHandlers>().Unhandled(changes));
    }
}
