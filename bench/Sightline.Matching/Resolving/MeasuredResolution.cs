namespace Sightline.Matching.Resolving;

/// <summary>The repeated resolutions of one data set by one resolver; times are read as medians.</summary>
/// <param name="Resolver">What produced the clusters.</param>
/// <param name="Runs">Each repetition, in order; accuracy is taken from the last.</param>
/// <param name="Stable">Whether every repetition produced the same partition of the records.</param>
internal sealed record MeasuredResolution(Resolver Resolver, IReadOnlyList<Resolution> Runs, bool Stable)
{
    public Resolution Last => Runs[^1];

    public TimeSpan Median(Func<Resolution, TimeSpan> figure)
    {
        var sorted = Runs.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
