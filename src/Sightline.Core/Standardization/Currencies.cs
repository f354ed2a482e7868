using System.Diagnostics.CodeAnalysis;

namespace Sightline.Core.Standardization;

/// <summary>Currencies as ISO 4217 codes ("EUR"), from codes, unambiguous symbols and English or Spanish names.</summary>
public static class Currencies
{
    private const int MaxLength = 100;
    private static readonly Dictionary<string, int> Minor = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> ByKey = Build();

    // Currencies written with a bare "$" at home: a "$" in an amount is one of these when the source says so.
    private static readonly HashSet<string> DollarSign =
    [
        "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP", "UYU", "CUP", "DOP", "BSD", "BBD", "BZD",
        "BMD", "BND", "FJD", "GYD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "NIO", "BRL",
    ];

    /// <summary>The active ISO 4217 codes in the table, upper-case.</summary>
    internal static IReadOnlyCollection<string> All => Minor.Keys;

    /// <summary>
    /// Standardizes <paramref name="raw"/> to an ISO 4217 code: a code in any case ("eur"), a symbol where it names
    /// one currency ("€", "£", "¥" as JPY, "R$", "S/"; "$" alone is USD) or an English or Spanish name, singular or
    /// plural ("euros", "dólar estadounidense", "pesos mexicanos"), ignoring case and accents.
    /// </summary>
    public static bool TryStandardize(string raw, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var value = Text.TrimAll(raw ?? string.Empty);
        if (value.Length == 0)
        {
            error = "empty currency";
            return false;
        }

        if (value.Length <= MaxLength
            && (Symbols.TryGetValue(value, out code) || (Tables.Key(value) is { } key && ByKey.TryGetValue(key, out code))))
        {
            error = null;
            return true;
        }

        error = $"unknown currency {Quote.Of(value)}";
        return false;
    }

    /// <summary>Digits after the decimal point in <paramref name="code"/>'s amounts: EUR 2, JPY 0, KWD 3.</summary>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 code.</exception>
    public static int MinorUnits(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Minor.TryGetValue(code.ToUpperInvariant(), out var units)
            ? units
            : throw new ArgumentException($"{Quote.Of(code)} is not an ISO 4217 currency code.", nameof(code));
    }

    /// <summary>True for currencies written with a bare "$": dollars and pesos.</summary>
    internal static bool UsesDollarSign(string code) => DollarSign.Contains(code);

    private static Dictionary<string, string> Build()
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = Tables.Rows(CurrencyTable.Rows).ToList();
        foreach (var row in rows)
        {
            var code = row[0];
            Minor[code] = int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture);
            byKey[code.ToLowerInvariant()] = code;
        }

        foreach (var row in rows)
        {
            foreach (var name in row.Length > 3 ? row[3].Split('|') : [])
            {
                if (Tables.Key(name) is { } key)
                {
                    byKey.TryAdd(key, row[0]);
                }
            }

            foreach (var symbol in row.Length > 4 ? row[4].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
            {
                Symbols.TryAdd(symbol, row[0]);
            }
        }

        return byKey;
    }
}
