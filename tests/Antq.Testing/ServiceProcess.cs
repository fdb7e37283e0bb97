using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Antq.Testing;

/// <summary>
/// The built service (<c>Antq.Bot.dll</c>) run as a process of its own with the given settings (as <c>--Key=Value</c>
/// arguments), listening on a free loopback port: what a test needs to kill an instance as the kernel would (SIGKILL),
/// which an in-process host cannot show.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote to its standard output and error, for a failing test's message.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>Starts the service and waits until <c>/healthz</c> answers (its migrations applied, its endpoints mapped).</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Antq.Bot.dll"));
        foreach (var (key, value) in settings.Where(s => s.Key != "Urls"))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilHealthyAsync(patience);
        return service;
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no stop, no flush, its connections closed by the kernel.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Completes when the process has exited (after <see cref="Kill"/>, once the kernel has reaped it).</summary>
    public Task WaitForExitAsync() => _process.WaitForExitAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 2000)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"The service did not answer /healthz within {patience}:\n{Output}");
            }

            await Task.Delay(200);
        }
    }
}
