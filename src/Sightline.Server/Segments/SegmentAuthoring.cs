using System.Diagnostics;
using Sightline.Core.Audiences;
using Sightline.Core.Profiles;
using Sightline.Core.Segments;

namespace Sightline.Server.Segments;

/// <summary>
/// What the API and the dashboard both do to segments, under the same rules: check an expression against the
/// catalog, preview its size, save, change and delete definitions (names, cycles, taken names, referrers), and tell
/// whether a segment's latest version is in force.
/// </summary>
public sealed class SegmentAuthoring(SegmentCatalogs catalogs, ISegmentStore store, SegmentEngine engine, ProfilePipeline pipeline, TimeProvider time)
{
    /// <summary>How many members a preview names.</summary>
    public const int SampleSize = 10;

    private static readonly TimeSpan PropertiesWait = TimeSpan.FromSeconds(10);

    /// <summary>Parses and checks <paramref name="expression"/>; <paramref name="name"/> is the name it will be saved under, <paramref name="replacing"/> the segment it changes.</summary>
    public async Task<SegmentParseResult> CheckAsync(string expression, string? name, string? replacing, CancellationToken cancellationToken) =>
        SegmentValidator.Check(expression, await catalogs.CurrentAsync(store, cancellationToken, replacing), name);

    /// <summary>What a checked expression reads.</summary>
    public async Task<SegmentDependencies> ReadsAsync(SegmentParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return SegmentDependencies.Of(result.Expression ?? throw new ArgumentException("The expression did not parse.", nameof(result)), await catalogs.CurrentAsync(cancellationToken));
    }

    /// <summary>The size of a valid expression over the live profiles now, with a sample; null while the engine is not loaded (or this node runs no pipeline).</summary>
    public async Task<TimedPreview?> PreviewAsync(SegmentParseResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new ArgumentException("Only a valid expression can be previewed.", nameof(result));
        }

        if (!engine.IsLoaded)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        var compiled = SegmentCompiler.Compile(result.Expression!);
        var filtered = SegmentEngine.FilteredEvents(compiled);
        engine.KeepProperties(filtered);
        // Properties no segment filtered before are loaded by the pipeline (once per event name); wait for them as long
        // as a person waits for a preview, then say it is not available yet.
        while (!engine.HoldsProperties(filtered) || !engine.IsLoaded)
        {
            if (clock.Elapsed > PropertiesWait)
            {
                return null;
            }

            await Task.Delay(50, cancellationToken);
        }

        var preview = await Task.Run(() => engine.Preview(compiled, time.GetUtcNow(), SampleSize), cancellationToken);
        return new TimedPreview(preview, clock.Elapsed);
    }

    public async Task<SegmentOutcome> CreateAsync(string? name, string? expression, string? description, CancellationToken cancellationToken)
    {
        if (await ProblemAsync(name, expression, null, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (await store.CreateAsync(name!.Trim(), expression!, description, cancellationToken) is not { } saved)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.NameTaken, name.Trim()));
        }

        pipeline.SegmentsChanged();
        return new SegmentOutcome(saved, null);
    }

    /// <summary>Changes <paramref name="existing"/>; a null part keeps what it was.</summary>
    public async Task<SegmentOutcome> UpdateAsync(SegmentDefinition existing, string? name, string? expression, string? description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        name ??= existing.Name;
        expression ??= existing.Expression;
        description ??= existing.Description;
        if (await ProblemAsync(name, expression, existing, cancellationToken) is { } problem)
        {
            return problem;
        }

        var newName = name.Trim();
        if (newName != existing.Name && await ReferrersAsync(existing.Name, cancellationToken) is { Count: > 0 } referrers)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.Referenced, existing.Name) { Referrers = referrers });
        }

        if (await store.UpdateAsync(existing.Id, newName, expression, description, cancellationToken) is not { } saved)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.NameTaken, newName));
        }

        pipeline.SegmentsChanged();
        return new SegmentOutcome(saved, null);
    }

    /// <summary>Deletes <paramref name="existing"/> unless another segment refers to it.</summary>
    public async Task<SegmentOutcome> DeleteAsync(SegmentDefinition existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (await ReferrersAsync(existing.Name, cancellationToken) is { Count: > 0 } referrers)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.Referenced, existing.Name) { Referrers = referrers });
        }

        await store.DeleteAsync(existing.Id, cancellationToken);
        pipeline.SegmentsChanged();
        return new SegmentOutcome(existing, null);
    }

    /// <summary>"live" once the pipeline has put the segment's latest version in force and decided it for every profile, "evaluating" until then.</summary>
    public Func<SegmentDefinition, string> Status()
    {
        var live = engine.Definitions.Where(d => !engine.IsEvaluating(d.Id)).ToDictionary(d => d.Id, d => d.UpdatedAt);
        return segment => live.TryGetValue(segment.Id, out var at) && at == segment.UpdatedAt ? "live" : "evaluating";
    }

    private async Task<SegmentOutcome?> ProblemAsync(string? name, string? expression, SegmentDefinition? existing, CancellationToken cancellationToken)
    {
        if (SegmentRules.NameProblem(name) is { } nameProblem)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.InvalidName, nameProblem));
        }

        if (expression is null)
        {
            return new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.MissingExpression, "is required: the segment's text"));
        }

        var result = await CheckAsync(expression, name!.Trim(), existing?.Name, cancellationToken);
        return result.Succeeded ? null : new SegmentOutcome(null, new SegmentProblem(SegmentRefusal.InvalidExpression, "") { Check = result });
    }

    private async Task<IReadOnlyList<string>> ReferrersAsync(string name, CancellationToken cancellationToken) =>
        SegmentRules.Referrers(await store.ListAsync(cancellationToken), name);
}
