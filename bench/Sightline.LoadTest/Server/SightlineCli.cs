using System.Diagnostics;

namespace Sightline.LoadTest.Server;

/// <summary>
/// The built <c>sightline</c> command, run as separate processes exactly as a user runs it. The build
/// output is copied to a private directory first, so a rebuild by someone else in the same tree
/// cannot overwrite the assemblies of a server under load.
/// </summary>
internal sealed class SightlineCli
{
    private SightlineCli(string dll, DateTime builtAt, bool stale)
    {
        Dll = dll;
        BuiltAt = builtAt;
        Stale = stale;
    }

    /// <summary>The private copy of <c>sightline.dll</c>.</summary>
    public string Dll { get; }

    /// <summary>The build directory copied.</summary>
    public string Source { get; private init; } = "";

    /// <summary>When the copied build was made (UTC).</summary>
    public DateTime BuiltAt { get; }

    /// <summary>True when a file under src/ is newer than the build, so the server measured is not the code in the tree.</summary>
    public bool Stale { get; }

    /// <summary>
    /// Finds the repository (the directory holding Sightline.slnx), builds the CLI with
    /// <c>./sightline --help</c> when it is missing or when asked, and copies it under <paramref name="privateDirectory"/>;
    /// or copies <paramref name="other"/>, a build made elsewhere.
    /// </summary>
    public static async Task<SightlineCli> PrepareAsync(bool build, string? other, string privateDirectory, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = other ?? Path.Combine(root, ".build", "cli");
        if (other is not null && !File.Exists(Path.Combine(other, "sightline.dll")))
        {
            throw new ArgumentException($"--cli {other}: no sightline.dll there.");
        }

        if (other is null && (build || !File.Exists(Path.Combine(output, "sightline.dll"))))
        {
            Console.Error.WriteLine("Building the sightline CLI (./sightline --help)…");
            var (exitCode, _, error) = await RunAsync(new ProcessStartInfo(Path.Combine(root, "sightline"), "--help"), cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"./sightline --help failed ({exitCode}):\n{error}");
            }
        }

        var builtAt = File.GetLastWriteTimeUtc(Path.Combine(output, "sightline.dll"));
        var stale = other is null && Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > builtAt);
        var copy = Path.Combine(privateDirectory, "cli");
        CopyDirectory(output, copy);
        return new SightlineCli(Path.Combine(copy, "sightline.dll"), builtAt, stale) { Source = output };
    }

    /// <summary>Runs <c>sightline sources add</c> against a data directory; the server is not running yet.</summary>
    public async Task AddSourceAsync(string dataDirectory, string name, string writeKey, CancellationToken cancellationToken)
    {
        var info = StartInfo(WorkingDirectoryFor(dataDirectory), "sources", "add", name, "--write-key", writeKey, "--data", dataDirectory);
        var (exitCode, stdout, error) = await RunAsync(info, cancellationToken);
        if (exitCode != 0 || stdout.Trim() != writeKey)
        {
            throw new InvalidOperationException($"sightline sources add failed ({exitCode}):\n{error}");
        }
    }

    /// <summary>
    /// Where the commands run: the data directory's parent, as with <c>./sightline serve</c> and its default
    /// <c>./sightline-data</c>, and a fresh directory, so no stray appsettings.json applies.
    /// </summary>
    public static string WorkingDirectoryFor(string dataDirectory) =>
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!).FullName;

    /// <summary>A process start for <c>dotnet sightline.dll …</c>.</summary>
    public ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Sightline.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Sightline.slnx not found above the current directory or the load test's build output.");
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
