using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sightline.Core.Standardization;

/// <summary>Countries as ISO 3166-1 alpha-2 codes ("ES"), from codes or English and Spanish names.</summary>
public static class Countries
{
    private const int MaxLength = 100;
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> ByKey = Build();

    /// <summary>The ISO 3166-1 alpha-2 codes of every country in the table, upper-case.</summary>
    internal static IReadOnlySet<string> All => Codes;

    /// <summary>
    /// Standardizes <paramref name="raw"/> to an ISO 3166-1 alpha-2 code. Accepts alpha-2 ("es"), alpha-3 ("ESP"),
    /// numeric ("724") codes and English or Spanish names with their common variants ("Spain", "España", "EE. UU.",
    /// "United States of America", "UK"), ignoring case, accents, spaces and punctuation.
    /// </summary>
    public static bool TryStandardize(string raw, [NotNullWhen(true)] out string? iso2, [NotNullWhen(false)] out string? error)
    {
        iso2 = null;
        var value = Text.TrimAll(raw ?? string.Empty);
        if (value.Length == 0)
        {
            error = "empty country";
            return false;
        }

        var key = value.Length > MaxLength ? null : Tables.Key(value);
        if (key is not null && ByKey.TryGetValue(key, out var code))
        {
            iso2 = code;
            error = null;
            return true;
        }

        error = $"unknown country {Quote.Of(value)}";
        return false;
    }

    private static Dictionary<string, string> Build()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = Tables.Rows(CountryTable.Rows).ToList();
        // Codes first, so that no name can shadow one.
        foreach (var row in rows)
        {
            var alpha2 = row[0];
            Codes.Add(alpha2);
            byKey[alpha2.ToLowerInvariant()] = alpha2;
            byKey[row[1].ToLowerInvariant()] = alpha2;
            var numeric = int.Parse(row[2], CultureInfo.InvariantCulture);
            byKey[numeric.ToString(CultureInfo.InvariantCulture)] = alpha2;
            byKey[numeric.ToString("D3", CultureInfo.InvariantCulture)] = alpha2;
        }

        foreach (var row in rows)
        {
            foreach (var name in row[3].Split('|'))
            {
                if (Tables.Key(name) is { } key)
                {
                    byKey.TryAdd(key, row[0]);
                }
            }
        }

        return byKey;
    }
}
