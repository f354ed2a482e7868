using System.CommandLine;
using System.Diagnostics;
using Sightline.Cli.Hosting;
using Sightline.Cli.Rebuild;
using Sightline.Core.Identity.Matching;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Resolve;

/// <summary>
/// The batch side of probabilistic matching, for after a bulk load: estimates the match model from the profiles'
/// own person data (EM, no labels), stores it, and resolves the log again with it.
/// </summary>
internal static class ResolveCommand
{
    /// <summary>Below this many records with person data, EM has too little to learn from; the model in force stays.</summary>
    private const int MinimumRecords = 1_000;

    public static Command Create()
    {
        var data = CliOptions.Data();
        var command = new Command("resolve", "Estimate the match model from the person data of every logged record and resolve the log again with it (stop the server first).") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = CliOptions.OpenDatabase(parse.GetValue(data));
            return await EstimateModelAsync(database, cancellationToken) ? await RebuildCommand.RebuildAsync(parse.GetValue(data), cancellationToken) : 0;
        });
        return command;
    }

    /// <summary>
    /// Estimates the model from the person data of every resolved record and stores it when there is enough to learn
    /// from, saying why not otherwise. True when a new model is stored, so the log must be resolved again with it.
    /// </summary>
    internal static async Task<bool> EstimateModelAsync(SqliteDatabase database, CancellationToken cancellationToken)
    {
        var store = new SqliteProfileStore(database);
        // The model learns from source records (each event's person data), not from profiles: profiles already
        // merged hold no duplicates left to learn what a duplicate looks like.
        var people = await PersonTraits.CollectAsync(store.PersonTraitsAsync(cancellationToken), o => o.Sequence, cancellationToken);

        if (people.Count < MinimumRecords)
        {
            await Console.Error.WriteLineAsync(
                $"{people.Count} records have person data; estimating a model needs at least {MinimumRecords:N0}. The model in force stays; the pipeline has already matched every profile with it.");
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var result = new BatchMatcher(CliOptions.Settings().Matching()).Resolve([.. people.Values], cancellationToken: cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var settings = CliOptions.Settings().Matching();
        if (result.Model.TrainedRules == 0)
        {
            await Console.Error.WriteLineAsync(
                $"The {people.Count:N0} records hold too few likely duplicates to estimate what a match looks like; the model in force stays.");
            return false;
        }

        await store.SaveMatchModelAsync(result.Model, cancellationToken);
        await Console.Error.WriteLineAsync(
            $"Estimated the match model from {people.Count:N0} records in {seconds:0.0} s: {result.Comparisons:N0} candidate pairs "
            + $"({result.Comparisons / Math.Max(result.ScoringTime.TotalSeconds, 0.001):N0} comparisons/s), "
            + $"{result.Pairs.Count(p => p.Probability >= settings.AutoMergeThreshold):N0} at or above {settings.AutoMergeThreshold} (merge), "
            + $"{result.Pairs.Count(p => p.Probability < settings.AutoMergeThreshold):N0} at or above {settings.ReviewThreshold} (review).");
        return true;
    }
}
