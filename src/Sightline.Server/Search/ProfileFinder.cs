using System.Globalization;
using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Server.Search;

/// <summary>One row of the search box's results: the index's entry (or just the profile, for one without a name) and how many identifiers it has.</summary>
/// <param name="Hit">What the row shows.</param>
/// <param name="Identifiers">The profile's identifiers, counted in the store when the search ran.</param>
public sealed record SearchResult(SearchHit Hit, int Identifiers);

/// <summary>
/// The search box. What a person typed is looked up two ways: as an exact identifier of any type (or a profile number)
/// in the store, which finds every profile, anonymous visitors included; and in the index of people, by name and
/// contact data with typos forgiven. Exact matches come first.
/// </summary>
public sealed class ProfileFinder(ProfileSearch index, IProfileStore store, IdentifierNormalizer normalizer)
{
    private static readonly HashSet<string> NoTraits = [];

    /// <summary>The best matches for what a person typed, exact identifiers first.</summary>
    public async Task<IReadOnlyList<SearchResult>> FindAsync(string text, int limit, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var exact = await ExactAsync(text, cancellationToken);
        var hits = exact.Select(profile => index.Find(profile) ?? new SearchHit(profile, 0, null, null, null, null, null)).ToList();
        hits.AddRange(index.Search(text, limit).Where(hit => !exact.Contains(hit.Profile)));
        hits = [.. hits.Take(limit)];
        if (hits.Count == 0)
        {
            return [];
        }

        var counts = (await store.SearchableAsync([.. hits.Select(h => h.Profile)], NoTraits, cancellationToken))
            .ToDictionary(p => p.Profile, p => p.Identifiers.Count);
        // A hit the store no longer has as a live profile was merged away or erased since the index last caught up.
        return [.. hits.Where(h => counts.ContainsKey(h.Profile)).Select(h => new SearchResult(h, counts[h.Profile]))];
    }

    private async Task<List<ProfileId>> ExactAsync(string text, CancellationToken cancellationToken)
    {
        var candidates = new List<Identifier>();
        if (Identifier.TryParse(text, out var typed))
        {
            candidates.Add(normalizer.Normalize(typed.Type, typed.Value) ?? typed);
        }

        foreach (var type in await store.IdentifierTypesAsync(cancellationToken))
        {
            if (normalizer.Normalize(type, text) is { } identifier)
            {
                candidates.Add(identifier);
            }
        }

        var found = new List<ProfileId>();
        foreach (var candidate in candidates.Distinct())
        {
            if (await store.FindAsync(candidate, cancellationToken) is { } profile && !found.Contains(profile))
            {
                found.Add(profile);
            }
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && await store.CanonicalAsync(new ProfileId(number), cancellationToken) is { } numbered && !found.Contains(numbered))
        {
            found.Add(numbered);
        }

        return found;
    }
}
