using Antq.Core.Storage;

namespace Antq.Bot.Hosting;

/// <summary>
/// One service per SQLite file: an exclusive lock on <c>FILE.lock</c> beside the database, taken before anything else
/// starts and held until the service stops. A second instance (a forgotten terminal, <c>dotnet run</c> beside the
/// container) would otherwise poll the same bot and send every message twice. The command-line verbs do not take it:
/// they are meant to run beside the service.
/// </summary>
public sealed class InstanceLock(string databaseFile) : IHostedLifecycleService, IDisposable
{
    private FileStream? _held;

    public string LockFile { get; } = databaseFile + ".lock";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _held = OwnerOnlyFiles.TryOpenExclusive(LockFile)
            ?? throw new ConfigurationProblemException(
                $"another Antq.Bot is already running on {databaseFile} (it holds {LockFile}). Stop it first, or give this one its own database (ConnectionStrings:Antq).");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Released only once everything else has stopped writing; the file stays (deleting it would race a newcomer).
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }
}
