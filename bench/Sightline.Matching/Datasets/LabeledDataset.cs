using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Datasets;

/// <summary>Person records with the entity each one truly belongs to.</summary>
internal sealed record LabeledDataset
{
    /// <summary>The name used by <c>--datasets</c> and in the summary.</summary>
    public required string Name { get; init; }

    /// <summary>Where the records come from, for the report.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<PersonRecord> Records { get; init; }

    /// <summary>Entity label per record index: records with the same label are the same person.</summary>
    public required int[] Truth { get; init; }

    /// <summary>
    /// Source file per record index for linkage sets, where only pairs across sources count (as true pairs and as
    /// predicted pairs); null for a deduplication set, where every pair counts.
    /// </summary>
    public int[]? Origins { get; init; }

    /// <summary>True pairs as SOURCES.md states them; the loader's count is checked against it.</summary>
    public long? DocumentedTruePairs { get; init; }

    /// <summary>Splink's published F1, obtained with the best threshold chosen using the labels.</summary>
    public double? PublishedF1 { get; init; }

    public bool IsLinkage => Origins is not null;
}
