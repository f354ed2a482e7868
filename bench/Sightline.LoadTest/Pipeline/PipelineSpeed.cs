using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Sightline.LoadTest.Baseline;
using Sightline.LoadTest.Http;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Verification;
using Sightline.LoadTest.Workload;
using Sightline.Storage.Sqlite;

namespace Sightline.LoadTest.Pipeline;

/// <summary>
/// The profile pipeline alone, from the log to committed state: an ingest-only server (<c>Sightline:Pipeline=false</c>)
/// fills the log over HTTP with the load test's messages, then <c>sightline rebuild</c> resolves all of them, as a user
/// runs it, and prints its rate. The parser alone on one thread is the same run's baseline: the pipeline reads and
/// parses each message once more, so the ratio says how much the rest of its work costs.
/// </summary>
internal static partial class PipelineSpeed
{
    public static async Task<PipelineFigures> RunAsync(
        SightlineCli cli, BatchSet bodies, LoadTestSettings settings, string data, uint run, string sourceName, string writeKey, CancellationToken cancellationToken)
    {
        await cli.AddSourceAsync(data, sourceName, writeKey, cancellationToken);
        long stored;
        var ingestOnly = settings.ServerEnvironment.Append(new("Sightline__Pipeline", "false"));
        await using (var server = await ServerProcess.StartAsync(cli, data, settings.Synchronous, ingestOnly, cancellationToken))
        {
            await HttpLoad.RunAsync(server, bodies, settings, run, writeKey, cancellationToken);
            stored = await StoredEvents.CountAsync(Path.Combine(data, SqliteDatabase.FileName), cancellationToken);
        }

        var info = cli.StartInfo(SightlineCli.WorkingDirectoryFor(data), "rebuild", "--data", data);
        foreach (var (name, value) in settings.ServerEnvironment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start sightline rebuild.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var said = await stderr + await stdout;
        var match = Rebuilt().Match(said);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"sightline rebuild failed ({process.ExitCode}):\n{said}");
        }

        var events = long.Parse(match.Groups["events"].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
        var parser = ParserSpeed.Measure(bodies, TimeSpan.FromSeconds(2));
        return new PipelineFigures(stored, events, seconds, parser);
    }

    [GeneratedRegex(@"Rebuilt from (?<events>\d+) logged events in (?<seconds>[\d.]+) s")]
    private static partial Regex Rebuilt();
}

/// <summary>One rebuild: the events the log held, those resolved, how long it took, and the same run's parser rate.</summary>
internal sealed record PipelineFigures(long Stored, long Resolved, double Seconds, ParserFigures Parser)
{
    public double EventsPerSecond => Resolved / Math.Max(Seconds, 0.001);
}
