using System.Globalization;
using System.Text.Json;

namespace Sightline.Core.Events;

/// <summary>The one way Sightline writes times: ISO 8601 in UTC with milliseconds, as Segment does.</summary>
public static class Timestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <paramref name="time"/> as <see cref="Format"/> does, as the property <paramref name="name"/>, without a
    /// string: the parser writes up to four per message, and those strings were 5% of what the server allocated.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> utf8 = stackalloc byte[32];
        if (!time.UtcDateTime.TryFormat(utf8, out var written, Pattern, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{time} does not fit {utf8.Length} bytes as {Pattern}");
        }

        writer.WriteString(name, utf8[..written]);
    }
}
