using Antq.Bot.Channels.Telegram;
using Antq.Bot.Channels.WebChat;
using Antq.Bot.Channels.Zalo;
using Antq.Bot.Operations;
using Antq.Bot.WebConsole;
using Antq.Core.Areas;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Hosting;

/// <summary>Builds and runs the service: the composition root, read like a table of contents.</summary>
public static class AntqHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find() });
        builder.AddAntqConfiguration(args);
        configure?.Invoke(builder);

        builder.AddProxySupport();
        builder.AddOperations();
        builder.AddAntqCore();
        builder.AddTelegramChannel();
        builder.AddWebChatChannel();
        builder.AddZaloChannel();
        builder.AddOfficerConsole();

        var app = builder.Build();
        app.UseProxySupport();
        app.UseOfficerConsole();
        app.MapOperations();
        app.MapTelegramWebhook();
        app.MapWebChat();
        app.MapZaloWebhook();
        app.MapOfficerConsole();
        return app;
    }

    /// <summary>Runs until stopped; a bad configuration or content file ends it with a message and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (StartupProblem(ex) is { } problem)
        {
            await Console.Error.WriteLineAsync("Antq.Bot cannot start: " + problem);
            return 2;
        }
    }

    /// <summary>The sentence an operator needs for a start-up failure caused by configuration or content, else null.</summary>
    public static string? StartupProblem(Exception ex) => ex switch
    {
        AreaFileException area => area.Message,
        Antq.Core.ContentFileException content => content.Message,
        OptionsValidationException options => string.Join(" ", options.Failures),
        InvalidOperationException { InnerException: not null } binding when binding.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) => binding.Message,
        ConfigurationProblemException config => config.Message,
        // EF Core wraps a failed connection in "likely due to a transient failure": the cause is what the operator needs.
        InvalidOperationException { InnerException: Npgsql.NpgsqlException inner } => StartupProblem(inner),
        Npgsql.PostgresException postgres => $"the PostgreSQL server refused the connection in ConnectionStrings:Antq ({postgres.SqlState}: {postgres.MessageText}).",
        Npgsql.NpgsqlException npgsql when npgsql.InnerException is System.Net.Sockets.SocketException or TimeoutException => "the PostgreSQL server in ConnectionStrings:Antq cannot be reached (" + npgsql.Message + ").",
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => StartupProblem(aggregate.InnerExceptions[0]),
        _ => null,
    };
}
