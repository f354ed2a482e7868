using System.Diagnostics;

namespace Sightline.DemoScore.Running;

/// <summary>Runs <c>./sightline</c> from the repository root, as a user would, so the figures are the product's own.</summary>
internal static class Cli
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sightline.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no Sightline.slnx above the current directory; run from the repository");
    }

    /// <summary>Runs a command to completion, echoing its output with <paramref name="echo"/>; throws when it fails.</summary>
    public static TimeSpan Run(string root, bool echo, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(root, "sightline")) { RedirectStandardOutput = !echo, RedirectStandardError = !echo, WorkingDirectory = root };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = echo ? null : process.StandardOutput.ReadToEndAsync();
        var error = echo ? null : process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sightline {string.Join(' ', args)} exited with {process.ExitCode}: {error?.Result}{output?.Result}");
        }

        return clock.Elapsed;
    }
}
