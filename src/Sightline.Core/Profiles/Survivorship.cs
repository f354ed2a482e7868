namespace Sightline.Core.Profiles;

/// <summary>
/// Picks each trait's shown value from its history: customer-direct before third-party, then the most
/// trusted source, then the most recent observation.
/// </summary>
public static class Survivorship
{
    public static IReadOnlyList<TraitValue> Current(IEnumerable<TraitValue> history) =>
        [.. history
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.ThirdParty).ThenByDescending(t => t.Trust).ThenByDescending(t => t.ObservedAt).ThenByDescending(t => t.Sequence).First())
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
}
