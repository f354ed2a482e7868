using System.ComponentModel;
using System.Diagnostics;
using Sightline.Server.Tests.Cli;

namespace Sightline.Server.Tests;

/// <summary>
/// Runs a node script of the repository (tests/conformance drives other vendors' npm SDKs, tests/browser
/// drives analytics.js in Chromium) with the machine's node.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs <c>node &lt;script&gt; &lt;baseUrl&gt; &lt;writeKey&gt; [more…]</c> in <paramref name="folder"/> to completion.</summary>
    public static async Task<NodeRun> RunAsync(string script, Uri baseUrl, string writeKey, string folder = "tests/conformance", IReadOnlyList<string>? more = null)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Locate(folder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(baseUrl.GetLeftPart(UriPartial.Authority));
        info.ArgumentList.Add(writeKey);
        foreach (var argument in more ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("`node` is not on the PATH. ./run-tests installs Node.js and the npm packages.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not exit within {Timeout.TotalSeconds} s. stderr: {await stderr}");
            }

            return new NodeRun(script, process.ExitCode, await stdout, await stderr);
        }
    }

    private static string Locate(string folder)
    {
        var scripts = Path.Combine(SightlineCli.RepositoryRoot, folder);
        if (!Directory.Exists(Path.Combine(scripts, "node_modules")))
        {
            throw new InvalidOperationException(
                $"The npm packages are not installed in {scripts}: run ./run-tests (it runs `npm ci` there), or `npm ci` in {folder}.");
        }

        return scripts;
    }
}
