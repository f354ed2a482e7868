using System.Diagnostics;
using System.Text;
using Sightline.Cli.Hosting;
using Sightline.Cli.Rebuild;
using Sightline.Cli.Resolve;
using Sightline.Core.Events;
using Sightline.Core.Import;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Demo;

/// <summary>
/// Loads generated demo data the way a user's own data would arrive: each export through <c>sightline import</c>'s
/// service with its preset, the web and app messages through the live parser into the log, then the resolve step.
/// </summary>
internal static class DemoLoader
{
    /// <summary>Messages per live batch, as a browser library would send them, well under the request size limit.</summary>
    private const int BatchSize = 200;

    public static async Task LoadAsync(string data, GeneratedDemo demo, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (service, log) = CliOptions.Imports(data);
        using var disposeLog = log;
        long imported = 0, quarantined = 0;
        foreach (var file in demo.Files)
        {
            var mapping = MappingLoader.Load("preset:" + file.Preset).Mapping
                ?? throw new InvalidOperationException($"the built-in preset {file.Preset} does not load");
            await using var stream = File.OpenRead(file.Path);
            var s = await service.ImportAsync(stream, Path.GetFileName(file.Path), file.Source, mapping, null, cancellationToken);
            imported += s.Imported + s.Updated + s.Unchanged;
            quarantined += s.Quarantined;
            Console.WriteLine(
                $"  {s.File,-26} → {s.Source,-10} read {s.Read,6:N0}, imported {s.Imported,6:N0}, updated {s.Updated:N0}, unchanged {s.Unchanged:N0}, quarantined {s.Quarantined,3:N0}  ({s.Seconds:0.0} s)");
        }

        var database = CliOptions.OpenDatabase(data);
        var directory = Path.GetDirectoryName(demo.Files[0].Path)!;
        var live = 0;
        foreach (var (file, source) in new[] { (LiveEvents.WebFile, "web"), (LiveEvents.AppFile, "app") })
        {
            var (appended, rejected) = await AppendLiveAsync(database, log, Path.Combine(directory, file), source, cancellationToken);
            live += appended;
            Console.WriteLine($"  {file,-26} → {source,-10} {appended:N0} messages through the live path, {rejected:N0} rejected");
        }

        await DemoSegments.SaveAsync(new SqliteSegmentStore(database, TimeProvider.System), cancellationToken);
        await RebuildCommand.RebuildAsync(data, cancellationToken);
        if (await ResolveCommand.EstimateModelAsync(database, cancellationToken))
        {
            await RebuildCommand.RebuildAsync(data, cancellationToken);
        }

        var profiles = 0;
        await foreach (var _ in new SqliteProfileStore(database).ProfilesAsync(cancellationToken))
        {
            profiles++;
        }

        Console.WriteLine(
            $"Demo loaded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {demo.People:N0} people generated, {imported + live:N0} records logged "
            + $"({imported:N0} imported, {live:N0} live, {quarantined:N0} quarantined), resolved into {profiles:N0} profiles.");
    }

    private static async Task<(int Appended, int Rejected)> AppendLiveAsync(
        SqliteDatabase database, SqliteEventLog log, string path, string name, CancellationToken cancellationToken)
    {
        var settings = CliOptions.Settings();
        var catalog = new SqliteSourceCatalog(database, TimeProvider.System);
        var source = await catalog.FindOrAddAsync(NewSource.Create(name, "customer-direct", null, null, "ES").Source!, cancellationToken);
        var parser = new MessageParser(new IngestionLimits { MaxMessageBytes = settings.MaxMessageBytes, MaxRequestBytes = settings.MaxRequestBytes });
        int appended = 0, rejected = 0;
        foreach (var chunk in (await File.ReadAllLinesAsync(path, cancellationToken)).Chunk(BatchSize))
        {
            var receivedAt = DateTimeOffset.UtcNow;
            var parsed = parser.Parse(Encoding.UTF8.GetBytes($$"""{"batch":[{{string.Join(',', chunk)}}]}"""), null, receivedAt);
            await log.AppendAsync(
                [.. parsed.Accepted.Select(m => new LogEntry(source.Id, m))],
                [.. parsed.Rejected.Select(r => new QuarantineEntry(source.Id, receivedAt, r))],
                cancellationToken);
            appended += parsed.Accepted.Count;
            rejected += parsed.Rejected.Count;
        }

        return (appended, rejected);
    }
}
