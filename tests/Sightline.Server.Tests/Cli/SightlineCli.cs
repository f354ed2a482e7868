using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Server.Tests.Cli;

/// <summary>The real `sightline` command, run as a separate process as a user would run it.</summary>
public static class SightlineCli
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs a command with extra environment variables (settings such as <c>SIGHTLINE__RETENTION__…</c>).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command such as serve; the caller kills it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until /healthz answers, or fails with what the server printed.</summary>
    public static async Task WaitUntilHealthyAsync(Uri address, Process server)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"sightline serve exited with {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("sightline serve did not become healthy within 60 s");
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(Dll.Value);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static string Locate()
    {
        // The ./sightline script rebuilds the CLI when a source changed, so the tests never run a stale one.
        var dll = Path.Combine(RepositoryRoot, ".build", "cli", "sightline.dll");
        using (var build = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot, "sightline"), "--help") { RedirectStandardOutput = true })!)
        {
            build.StandardOutput.ReadToEnd();
            build.WaitForExit();
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException("Could not build the sightline CLI", dll);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sightline.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Sightline.slnx not found above the test binaries");
    }
}
