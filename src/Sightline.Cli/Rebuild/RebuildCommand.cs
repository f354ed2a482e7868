using System.CommandLine;
using System.Diagnostics;
using Sightline.Cli.Hosting;
using Sightline.Core.Identity;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Rebuild;

internal static class RebuildCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var command = new Command("rebuild", "Rebuild profiles and the identity graph from the event log (stop the server first).") { data };
        command.SetAction(async (parse, cancellationToken) => await RebuildAsync(parse.GetValue(data), cancellationToken));
        return command;
    }

    public static Command Unmerge()
    {
        var data = CliOptions.Data();
        var into = new Argument<long>("profile") { Description = "The profile to split (as shown by GET /v1/profiles/{id})." };
        var from = new Option<long>("--from") { Description = "The profile id to split off (as listed by its merges).", Required = true };
        var command = new Command("unmerge", "Split a merged profile off again and rebuild (stop the server first, or use POST /v1/profiles/{id}/unmerge).") { into, from, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = new SqliteProfileStore(CliOptions.OpenDatabase(parse.GetValue(data)));
            var profile = await store.CanonicalAsync(new ProfileId(parse.GetValue(into)), cancellationToken);
            var merge = profile is { } live
                ? (await store.MergesAsync(live, cancellationToken)).FirstOrDefault(m => !m.Blocked && m.From.Value == parse.GetValue(from))
                : null;
            if (merge is null)
            {
                await Console.Error.WriteLineAsync($"error: --from: profile {parse.GetValue(from)} was not merged into profile {parse.GetValue(into)}");
                return 2;
            }

            await store.AddSeparationAsync(merge.From, merge.Into, cancellationToken);
            await Console.Error.WriteLineAsync($"Split profile {merge.From} from {merge.Into}; resolving the log again.");
            return await RebuildAsync(parse.GetValue(data), cancellationToken);
        });
        return command;
    }

    /// <summary>Drops derived state and resolves the whole log again, printing how long it took.</summary>
    internal static async Task<int> RebuildAsync(string? dataFlag, CancellationToken cancellationToken)
    {
        using var cli = CliPipeline.Open(dataFlag);
        var started = Stopwatch.GetTimestamp();
        await cli.Profiles.ResetAsync(cancellationToken);
        await cli.CatchUpAsync(cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Console.Error.WriteLineAsync(
            $"Rebuilt from {cli.Pipeline.Processed} logged events in {seconds:0.0} s ({cli.Pipeline.Processed / Math.Max(seconds, 0.001):0} events/s).");
        return 0;
    }
}
