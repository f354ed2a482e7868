using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sightline.Core.Events;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// A named aggregation over a profile's events, as people write it in YAML or JSON (docs/computed-traits.md):
/// which events (<see cref="Types"/>, <see cref="Events"/>, <see cref="Where"/>), which value
/// (<see cref="Property"/>), how they fold (<see cref="Aggregation"/>) and over what time (<see cref="WindowDays"/>).
/// </summary>
public sealed record TraitDefinition
{
    /// <summary>An identifier (letters, digits, '_', not starting with a digit) that segments refer to.</summary>
    public required string Name { get; init; }

    /// <summary>Free text for people; not part of the fingerprint.</summary>
    public string? Description { get; init; }

    public required Aggregation Aggregation { get; init; }

    /// <summary>The call types that count; <c>track</c> when only <see cref="Events"/> is given.</summary>
    public IReadOnlyList<MessageType> Types { get; init; } = [MessageType.Track];

    /// <summary>Track event names (page and screen names for those types); empty for any.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Conditions every counted event meets.</summary>
    public IReadOnlyList<PropertyFilter> Where { get; init; } = [];

    /// <summary>The value aggregated; required by all but count, rate and days_since, optional for first and last.</summary>
    public PropertyPath? Property { get; init; }

    /// <summary>Only events of the last N UTC days, today included (1–730); null for all time.</summary>
    public int? WindowDays { get; init; }

    /// <summary>The period of a <see cref="Aggregation.Rate"/>; null for other aggregations.</summary>
    public RatePeriod? Per { get; init; }

    /// <summary>
    /// 16 hex digits that change exactly when what the trait computes changes (not its description), so stored
    /// states with another fingerprint are known to need recomputation.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder("computed-trait/1")
            .Append('|').Append(Aggregation)
            .Append("|types=").AppendJoin(',', Types.Select(MessageTypes.Name).Order(StringComparer.Ordinal))
            .Append("|events=").AppendJoin('\u001f', Events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Append("|where=").AppendJoin('\u001e', Where.Select(f => f.Canonical).Order(StringComparer.Ordinal))
            .Append("|property=").Append(Property?.Text)
            .Append("|window=").Append(WindowDays?.ToString(CultureInfo.InvariantCulture))
            .Append("|per=").Append(Per)
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
