using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Antq.Testing;

/// <summary>
/// A throwaway PostgreSQL server of the tests' own: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a
/// free loopback port, stopped and removed on dispose. The binaries are Debian's (<c>/usr/lib/postgresql/N/bin</c>,
/// or whatever <c>pg_ctl</c> is on the PATH). PostgreSQL refuses to run as root, so when the tests run as root the
/// server runs as the unprivileged <c>postgres</c> user the Debian package creates (through <c>runuser</c>).
/// Password authentication (SCRAM) is on, as on a real server; the server listens on 127.0.0.1 only.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "antq";
    private const string OwnerFile = "owner.pid";
    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;
    private readonly string _password;
    private bool _stopped;

    private PostgresCluster(string bin, string folder, string? runAs, string password, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        _password = password;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Why PostgreSQL cannot be started here, or null when it can (the binaries are installed).</summary>
    public static string? Unavailable => FindBin() is null ? "PostgreSQL is not installed (Debian: apt-get install postgresql)" : null;

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBin() ?? throw new InvalidOperationException(Unavailable);
        var runAs = IsRoot() ? "postgres" : null;
        await StopLeftoversAsync(bin, runAs);
        var folder = Directory.CreateTempSubdirectory("antq-pg-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var cluster = new PostgresCluster(bin, folder, runAs, password, FreePort());
        try
        {
            await cluster.InitAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the cluster's superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = _password,
        Database = database,
        Pooling = true,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>
    /// Servers of test runs that died without stopping them (killed, or ended by an unhandled exception): each folder
    /// names the process that started it, and a folder whose process is gone is stopped and removed, so that leftovers
    /// do not pile up on a developer's machine run after run.
    /// </summary>
    private static async Task StopLeftoversAsync(string bin, string? runAs)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "antq-pg-*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            await new PostgresCluster(bin, folder, runAs, "", 0).DisposeAsync();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            _stopped = true;
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"], CancellationToken.None, throwOnError: false);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still held: the temporary folder is cleaned by the system.
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
        if (_runAs is not null)
        {
            await RunProcessAsync("chown", ["-R", _runAs, _folder], cancellationToken, throwOnError: true);
        }

        await RunAsync("initdb", ["-D", DataFolder, "-U", Superuser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);
        var options = string.Join(' ',
            "-p " + Port.ToString(CultureInfo.InvariantCulture),
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=200",
            // A throwaway server: durability is not what the tests measure.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", options, "start"], cancellationToken);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var path = Path.Combine(_bin, tool);
        return _runAs is null
            ? RunProcessAsync(path, arguments, cancellationToken, throwOnError)
            : RunProcessAsync("runuser", ["-u", _runAs, "--", path, .. arguments], cancellationToken, throwOnError);
    }

    private async Task RunProcessAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var log = Path.Combine(_folder, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : "";
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments.Take(2))} failed ({process.ExitCode}): {await error}{await output}{serverLog}");
        }
    }

    private static string? FindBin()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Folder, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, "0", ..];
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
