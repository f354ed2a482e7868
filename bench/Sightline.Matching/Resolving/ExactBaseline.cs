using Sightline.Core.Identity.Matching;
using Sightline.Matching.Text;

namespace Sightline.Matching.Resolving;

/// <summary>Clusters records whose folded given name, surname and birth-date digits are all present and identical.</summary>
internal static class ExactBaseline
{
    public static (int[] Clusters, List<ScoredPair> Pairs) Resolve(IReadOnlyList<PersonRecord> records)
    {
        var clusters = new int[records.Count];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var next = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (Folding.Fold(record.GivenName) is { } given && Folding.Fold(record.Surname) is { } surname && Digits(record.BirthDate) is { } born)
            {
                var key = $"{given}|{surname}|{born}";
                if (byKey.TryGetValue(key, out var members))
                {
                    clusters[i] = clusters[members[0]];
                    members.Add(i);
                    continue;
                }

                byKey.Add(key, [i]);
            }

            clusters[i] = next++;
        }

        var pairs = new List<ScoredPair>();
        foreach (var members in byKey.Values)
        {
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    pairs.Add(new ScoredPair(members[a], members[b], double.PositiveInfinity, 1));
                }
            }
        }

        return (clusters, pairs);
    }

    private static string? Digits(string? text)
    {
        var digits = text is null ? "" : string.Concat(text.Where(char.IsAsciiDigit));
        return digits.Length == 0 ? null : digits;
    }
}
