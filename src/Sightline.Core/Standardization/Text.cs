namespace Sightline.Core.Standardization;

/// <summary>Small text steps every normalizer shares.</summary>
internal static class Text
{
    /// <summary>
    /// Trims white space and the invisible characters exports leave around values: byte-order marks, zero-width
    /// spaces and joiners, and left-to-right or right-to-left marks.
    /// </summary>
    public static string TrimAll(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsBlank(value[start]))
        {
            start++;
        }

        while (end > start && IsBlank(value[end - 1]))
        {
            end--;
        }

        return start == 0 && end == value.Length ? value : value[start..end];
    }

    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
