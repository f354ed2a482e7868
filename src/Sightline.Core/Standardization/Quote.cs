using System.Text;

namespace Sightline.Core.Standardization;

/// <summary>Quotes a raw value inside an error message: short enough to read next to a file, line and column.</summary>
internal static class Quote
{
    private const int MaxChars = 40;

    /// <summary>The value in double quotes, cut to 40 characters with "…", control characters shown as \uXXXX.</summary>
    public static string Of(string? value)
    {
        value ??= string.Empty;
        var cut = value.Length > MaxChars;
        var end = cut ? MaxChars : value.Length;
        // Never end on half a surrogate pair: the message itself must stay valid UTF-16.
        if (cut && char.IsHighSurrogate(value[end - 1]))
        {
            end--;
        }

        var builder = new StringBuilder(end + 8).Append('"');
        for (var i = 0; i < end; i++)
        {
            var c = value[i];
            var paired = char.IsSurrogate(c) && (char.IsHighSurrogate(c)
                ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                : i > 0 && char.IsHighSurrogate(value[i - 1]));
            if (char.IsControl(c) || (char.IsSurrogate(c) && !paired))
            {
                builder.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append(cut ? "…\"" : "\"").ToString();
    }
}
