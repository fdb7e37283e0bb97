using Antq.Bot.Reports;
using Antq.Bot.Scheduling;
using Antq.Core;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.InfoDesk;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Antq.Bot.Hosting;

public static class HostingRegistration
{
    /// <summary>config/appsettings.json, then environment variables (Section__Key), then the command line.</summary>
    public static WebApplicationBuilder AddAntqConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var file = Path.Combine(builder.Environment.ContentRootPath, "config", "appsettings.json");
        builder.Configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        return builder;
    }

    public static WebApplicationBuilder AddAntqCore(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var conversations = configuration.GetSection(ConversationOptions.Section);
        var delivery = configuration.GetSection(DeliveryOptions.Section);
        builder.Services.AddOptions<ConversationOptions>().Bind(conversations);
        builder.Services.AddOptions<DeliveryOptions>().Bind(delivery);
        builder.Services.AddOptions<Antq.Core.Instances.InstanceOptions>().Bind(configuration.GetSection(Antq.Core.Instances.InstanceOptions.Section));
        var tips = configuration.GetSection(TipOptions.Section);
        builder.Services.AddOptions<TipOptions>().Bind(tips);
        var tipOptions = tips.Get<TipOptions>() ?? new();
        Validate(conversations.Get<ConversationOptions>() ?? new(), delivery.Get<DeliveryOptions>() ?? new(), tipOptions);
        var root = builder.Environment.ContentRootPath;
        var areas = AreaTreeLoader.Load(ContentPath(configuration, root, "Content:AreasFile", "config/areas.json"));
        var categories = TipCatalog.Load(ContentPath(configuration, root, "Content:TipCategoriesFile", "config/tip-categories.json"));
        var content = new CoreContent(areas, categories, TipRouteKey.Load(tipOptions, root), root);

        var provider = Provider(configuration);
        var connectionString = provider == DatabaseProvider.Postgres
            ? PostgresConnectionString(configuration.GetConnectionString("Antq"))
            : SqliteConnectionString(configuration.GetConnectionString("Antq"), root);
        if (provider == DatabaseProvider.Sqlite && StorageRegistration.SqliteFile(connectionString) is { } databaseFile)
        {
            // One process per SQLite file; on PostgreSQL several instances share the database.
            builder.Services.AddHostedService(_ => new InstanceLock(databaseFile));
        }

        builder.Services.AddAntqCore(content, provider, connectionString);
        builder.Services.AddSingleton(sp => new PollingLeader(sp.GetRequiredService<StorageProvider>(), connectionString, sp.GetRequiredService<ILogger<PollingLeader>>()));
        builder.AddScheduling(provider, connectionString);
        builder.AddReports();

        // Every photo a resident sends is re-encoded before it is archived or passed on (no Exif, GPS, owner…).
        builder.Services.AddSingleton<Antq.Core.Channels.IImageScrubber, Media.SkiaImageScrubber>();
        AddPledgeContent(builder, root);
        builder.Services.AddSingleton(FaqCatalog.Load(ContentPath(configuration, root, "Content:FaqFile", "config/faq.json"), FaqMinConfidence(configuration)));
        builder.Services.AddSingleton(ContactBook.Load(ContentPath(configuration, root, "Content:ContactsFile", "config/contacts.json"), areas));
        return builder;
    }

    /// <summary>How sure the information desk must be to answer rather than offer the closest questions (a share, 0–1).</summary>
    private static double FaqMinConfidence(IConfiguration configuration)
    {
        var value = configuration.GetValue("InfoDesk:MinConfidence", FaqSearch.DefaultMinConfidence);
        return value is >= 0 and <= 1
            ? value
            : throw new ConfigurationProblemException($"InfoDesk:MinConfidence must be between 0 and 1 (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
    }

    private static void AddPledgeContent(WebApplicationBuilder builder, string root)
    {
        var section = builder.Configuration.GetSection(PledgeOptions.Section);
        builder.Services.AddOptions<PledgeOptions>().Bind(section);
        var days = (section.Get<PledgeOptions>() ?? new()).CorrectionDays;
        if (days is < 0 or > 366)
        {
            throw new ConfigurationProblemException($"Pledges:CorrectionDays must be between 0 and 366 (got {days}).");
        }

        builder.Services.AddSingleton(PledgeCatalog.Load(ContentPath(builder.Configuration, root, "Content:PledgesFile", "config/pledges.json")));
    }

    public static string ContentPath(IConfiguration configuration, string root, string key, string fallback)
    {
        var path = configuration[key] is { Length: > 0 } configured ? configured : fallback;
        return Path.IsPathRooted(path) ? path : Path.Combine(root, path);
    }

    /// <summary><c>Database:Provider</c>: Sqlite (the default) or Postgres.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        StorageRegistration.TryParseProvider(configuration["Database:Provider"], out var provider)
            ? provider
            : throw new ConfigurationProblemException($"Database:Provider '{configuration["Database:Provider"]}' is not known; use 'Sqlite' (the default) or 'Postgres'.");

    /// <summary>PostgreSQL needs a connection string (there is no sensible default server); a malformed one is refused here.</summary>
    public static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new ConfigurationProblemException("Database:Provider is Postgres but ConnectionStrings:Antq is empty; set it, e.g. \"Host=db;Database=antq;Username=antq;Password=…\".");
        }

        try
        {
            var connection = new NpgsqlConnectionStringBuilder(configured);
            return string.IsNullOrEmpty(connection.Host)
                ? throw new ConfigurationProblemException("ConnectionStrings:Antq names no PostgreSQL Host.")
                : connection.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the connection string (it holds the password).
            throw new ConfigurationProblemException($"ConnectionStrings:Antq is not a valid PostgreSQL connection string ({ex.Message}).");
        }
    }

    /// <summary>A relative SQLite file is taken relative to the content root, so the database does not move with the working directory.</summary>
    public static string SqliteConnectionString(string? configured, string root)
    {
        SqliteConnectionStringBuilder connection;
        try
        {
            connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/antq.db" : configured);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationProblemException($"ConnectionStrings:Antq is not a valid SQLite connection string ({ex.Message}).");
        }

        if (connection.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source))
        {
            connection.DataSource = Path.Combine(root, source);
        }

        return connection.ToString();
    }

    private static void Validate(ConversationOptions conversations, DeliveryOptions delivery, TipOptions tips)
    {
        if (conversations.IdleTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationProblemException($"Conversations:IdleTimeout must be a positive time span such as 00:30:00 (got {conversations.IdleTimeout}).");
        }

        if (conversations.Lanes is < 1 or > 256)
        {
            throw new ConfigurationProblemException($"Conversations:Lanes must be between 1 and 256 (got {conversations.Lanes}).");
        }

        if (conversations.MaxUpdatesPerMinute < 0 || conversations.NotUnderstoodEvery < TimeSpan.Zero)
        {
            throw new ConfigurationProblemException($"Conversations:MaxUpdatesPerMinute must be 0 (no limit) or more (got {conversations.MaxUpdatesPerMinute}) and Conversations:NotUnderstoodEvery a time span such as 00:00:30 (got {conversations.NotUnderstoodEvery}).");
        }

        if (delivery.BatchSize < 1 || delivery.MaxConcurrency < 1 || delivery.MaxAttempts < 1 || delivery.MaxInHandPerChat < 1)
        {
            throw new ConfigurationProblemException("Delivery:BatchSize, Delivery:MaxConcurrency, Delivery:MaxAttempts and Delivery:MaxInHandPerChat must be at least 1.");
        }

        if (delivery.KeepDays < 1 || delivery.CleanupInterval <= TimeSpan.Zero)
        {
            throw new ConfigurationProblemException($"Delivery:KeepDays must be at least 1 (got {delivery.KeepDays}) and Delivery:CleanupInterval a positive time span such as 01:00:00 (got {delivery.CleanupInterval}).");
        }

        if (tips.MaxPerHour < 1 || tips.MaxPerDay < tips.MaxPerHour || tips.MaxAttachments is < 0 or > 10 || tips.RouteRetentionDays < 0)
        {
            throw new ConfigurationProblemException("Tips:MaxPerHour must be at least 1 and Tips:MaxPerDay at least as much; Tips:MaxAttachments 0-10; Tips:RouteRetentionDays 0 or more.");
        }

        if (tips.MaxPerNetworkPerDay < 1)
        {
            throw new ConfigurationProblemException($"Tips:MaxPerNetworkPerDay must be at least 1 (got {tips.MaxPerNetworkPerDay}).");
        }

        if (!QuietHours.TryParse(delivery.QuietHours, out _))
        {
            throw new ConfigurationProblemException($"Delivery:QuietHours must be 'HH:mm-HH:mm' (local time) or 'off' (got '{delivery.QuietHours}').");
        }
    }
}
