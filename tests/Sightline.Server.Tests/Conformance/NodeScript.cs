using System.ComponentModel;
using System.Diagnostics;

namespace Sightline.Server.Tests.Conformance;

/// <summary>
/// Runs a script of tests/conformance, which drives another vendor's real npm SDK, with the machine's node.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly Lazy<string> ScriptsDirectory = new(Locate);

    /// <summary>Runs <c>node &lt;script&gt; &lt;baseUrl&gt; &lt;writeKey&gt;</c> to completion.</summary>
    public static async Task<NodeRun> RunAsync(string script, Uri baseUrl, string writeKey)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptsDirectory.Value,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(baseUrl.GetLeftPart(UriPartial.Authority));
        info.ArgumentList.Add(writeKey);

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("`node` is not on the PATH. ./run-tests installs Node.js and the conformance SDKs.", e);
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

    private static string Locate()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sightline.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new DirectoryNotFoundException($"Sightline.slnx not found above {AppContext.BaseDirectory}");
        }

        var scripts = Path.Combine(root.FullName, "tests", "conformance");
        if (!Directory.Exists(Path.Combine(scripts, "node_modules")))
        {
            throw new InvalidOperationException(
                $"The npm SDKs are not installed in {scripts}: run ./run-tests (it runs `npm ci` there), or `npm ci` in tests/conformance.");
        }

        return scripts;
    }
}
