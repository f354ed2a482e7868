using System.CommandLine;
using System.Diagnostics;
using Sightline.Cli.Hosting;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Rebuild;

internal static class RebuildCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var command = new Command("rebuild", "Rebuild profiles and the identity graph from the event log (stop the server first).") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = CliOptions.OpenDatabase(parse.GetValue(data));
            var store = new SqliteProfileStore(database);
            using var log = new SqliteEventLog(database);
            using var pipeline = new ProfilePipeline(
                log, store, MergeRules.Default, new IdentifierExtractor(new IdentifierNormalizer(CliOptions.Settings().DefaultPhoneRegion)));
            var started = Stopwatch.GetTimestamp();
            await store.ResetAsync(cancellationToken);
            await pipeline.RunAsync(untilCaughtUp: true, cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Console.Error.WriteLineAsync(
                $"Rebuilt from {pipeline.Processed} logged events in {seconds:0.0} s ({pipeline.Processed / Math.Max(seconds, 0.001):0} events/s).");
            return 0;
        });
        return command;
    }
}
