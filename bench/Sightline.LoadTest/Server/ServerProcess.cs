using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sightline.LoadTest.Server;

/// <summary>
/// <c>sightline serve</c> on a free loopback port, with per-request logging turned down so that
/// console output does not become part of what is measured.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>CPU time the server has used so far, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server's resident memory (working set) now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _output);

    public static async Task<ServerProcess> StartAsync(
        SightlineCli cli, string dataDirectory, string synchronous, IEnumerable<KeyValuePair<string, string>> extraEnvironment, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = cli.StartInfo(SightlineCli.WorkingDirectoryFor(dataDirectory), "serve", "--data", dataDirectory, "--urls", address.ToString().TrimEnd('/'));
        info.Environment["Sightline__AdminKey"] = "bench-admin-key-0123456789";
        info.Environment["Sightline__Synchronous"] = synchronous;
        info.Environment["Logging__LogLevel__Sightline.Requests"] = "Warning";
        foreach (var (name, value) in extraEnvironment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start sightline serve.");
        var server = new ServerProcess(process, address);
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server the way an operator would (SIGTERM, so it drains its writer), killing it if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
            {
                if (kill is not null)
                {
                    await kill.WaitForExitAsync();
                }
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"sightline serve exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow first answer while the server warms up.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"sightline serve did not become healthy within 60 s:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
