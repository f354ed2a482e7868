namespace Sightline.Core.Retention;

/// <summary>One retention pass as recorded for the privacy officer: when, who started it, and what it deleted.</summary>
public sealed record RetentionRun
{
    public long Id { get; init; }

    /// <summary><c>schedule</c>, or who ran it (<c>cli (ana)</c>).</summary>
    public required string Trigger { get; init; }

    /// <summary>A dry run deletes nothing and is not recorded; its counts say what a pass would do.</summary>
    public bool DryRun { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Per source and type, those with something done.</summary>
    public required IReadOnlyList<RetentionCount> Counts { get; init; }

    /// <summary>The profiles whose events the pass deleted or cut down, for the pipeline to load again; not recorded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyCollection<long> Profiles { get; init; } = [];

    public long Deleted => Counts.Sum(c => c.Deleted);

    public long Minimized => Counts.Sum(c => c.Minimized);
}
