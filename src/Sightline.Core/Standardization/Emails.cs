using System.Diagnostics.CodeAnalysis;

namespace Sightline.Core.Standardization;

/// <summary>E-mail addresses as stored and matched: trimmed, lower-cased and checked against RFC 5321's shape and limits.</summary>
public static class Emails
{
    private const int MaxLength = 254;
    private const int MaxLocalLength = 64;

    /// <summary>An address with a display name, "mailto:" and quotes around it: generous, but never the whole of a huge field.</summary>
    private const int MaxWrappedLength = 1_000;
    private const int MaxLabelLength = 63;
    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~-.";

    /// <summary>
    /// Standardizes <paramref name="raw"/>: strips a "mailto:" prefix, a display name ("Ana &lt;ana@x.es&gt;"),
    /// surrounding angle brackets or quotes and white space, then lower-cases. Fails with a short reason when the
    /// result is not one address: no or several '@', an empty part, a domain without a dot or with a bad label,
    /// spaces or control characters, a local part over 64 or an address over 254 characters.
    /// </summary>
    public static bool TryStandardize(string raw, [NotNullWhen(true)] out string? email, [NotNullWhen(false)] out string? error)
    {
        email = null;
        raw ??= string.Empty;
        if (raw.Length > MaxWrappedLength)
        {
            // Unwrapping peels one pair of quotes at a time; thousands of them would take seconds.
            error = $"{Quote.Of(raw)} is longer than {MaxLength} characters";
            return false;
        }

        error = Check(Unwrap(raw), out var candidate);
        if (error is not null)
        {
            return false;
        }

        email = candidate;
        return true;
    }

    private static string Unwrap(string raw)
    {
        var value = Text.TrimAll(raw);
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            value = Text.TrimAll(value[7..]);
        }

        var open = value.LastIndexOf('<');
        if (open >= 0 && value.EndsWith('>'))
        {
            value = Text.TrimAll(value[(open + 1)..^1]);
        }

        while (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
        {
            value = Text.TrimAll(value[1..^1]);
        }

        return value;
    }

    private static string? Check(string value, out string candidate)
    {
        candidate = value.ToLowerInvariant();
        if (value.Length == 0)
        {
            return "empty e-mail address";
        }

        if (value.Length > MaxLength)
        {
            return $"{Quote.Of(value)} is longer than {MaxLength} characters";
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return $"{Quote.Of(value)} contains a space";
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return $"{Quote.Of(value)} contains a control character";
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return $"{Quote.Of(value)} is missing '@'";
        }

        if (at != value.LastIndexOf('@'))
        {
            return $"{Quote.Of(value)} has more than one '@'";
        }

        var local = candidate[..at];
        var domain = candidate[(at + 1)..];
        return LocalError(value, local) ?? DomainError(value, domain);
    }

    private static string? LocalError(string value, string local)
    {
        if (local.Length == 0)
        {
            return $"{Quote.Of(value)} has nothing before '@'";
        }

        if (local.Length > MaxLocalLength)
        {
            return $"{Quote.Of(value)} has more than {MaxLocalLength} characters before '@'";
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return $"{Quote.Of(value)} has a misplaced dot before '@'";
        }

        // Letters beyond ASCII are allowed (RFC 6531 addresses), symbols only from RFC 5322's atext.
        foreach (var c in local)
        {
            if (!char.IsLetterOrDigit(c) && !LocalSymbols.Contains(c, StringComparison.Ordinal))
            {
                return $"{Quote.Of(value)} has {Quote.Of(c.ToString())} before '@'";
            }
        }

        return null;
    }

    private static string? DomainError(string value, string domain)
    {
        if (domain.Length == 0)
        {
            return $"{Quote.Of(value)} has nothing after '@'";
        }

        if (!domain.Contains('.', StringComparison.Ordinal))
        {
            return $"domain {Quote.Of(domain)} has no dot";
        }

        var labels = domain.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                return $"domain {Quote.Of(domain)} has an empty label";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"domain {Quote.Of(domain)} has a label longer than {MaxLabelLength} characters";
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                return $"domain {Quote.Of(domain)} has a label starting or ending with '-'";
            }

            foreach (var c in label)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return $"domain {Quote.Of(domain)} has {Quote.Of(c.ToString())}";
                }
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return $"domain {Quote.Of(domain)} ends in a number";
        }

        return null;
    }
}
