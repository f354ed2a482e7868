namespace Sightline.Core.Identity;

/// <summary>How one identifier type takes part in merges.</summary>
public sealed record IdentifierRule
{
    /// <summary>Lower is stronger: a message resolves by its strongest identifier first, and on a conflict the weakest is left out.</summary>
    public int Priority { get; init; } = 50;

    /// <summary>Most distinct values of this type one profile may hold (null: no limit). A merge that would exceed it is blocked.</summary>
    public int? MaxValuesPerProfile { get; init; }

    /// <summary>Once a value is linked to this many profiles it no longer merges any (null: no cap).</summary>
    public int? MaxProfilesPerValue { get; init; }

    /// <summary>Values that are never identifiers, compared after normalization (case-insensitively).</summary>
    public IReadOnlyList<string> BlockedValues { get; init; } = [];

    /// <summary>Regular expressions for values that are never identifiers (placeholders such as test@test.com).</summary>
    public IReadOnlyList<string> BlockedPatterns { get; init; } = [];
}
