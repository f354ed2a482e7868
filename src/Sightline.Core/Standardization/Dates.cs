using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sightline.Core.Standardization;

/// <summary>Dates and times as written in exports, read with the source's formats and ISO 8601 as a fallback.</summary>
public static class Dates
{
    private const int MaxLength = 100;
    private const int MinBirthYear = 1880;

    // ISO 8601 in its extended and basic forms; K takes "Z", an offset or nothing.
    private static readonly string[] Iso =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HHK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyyMMdd'T'HHmmss.FFFFFFFK", "yyyyMMdd'T'HHmmssK", "yyyyMMdd'T'HHmmK", "yyyy-MM-ddK", "yyyy-MM-dd",
    ];

    /// <summary>
    /// Parses <paramref name="raw"/> with the .NET custom <paramref name="formats"/> in order (such as "dd/MM/yyyy"),
    /// then as ISO 8601 with or without an offset. A value without an offset is a local time in <paramref name="zone"/>:
    /// a time skipped by a daylight-saving change moves forward by the gap (02:30 becomes 03:30); a time that occurs
    /// twice takes the first occurrence (the daylight-saving offset).
    /// </summary>
    public static bool TryParse(string raw, IReadOnlyList<string> formats, TimeZoneInfo zone, out DateTimeOffset value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = Text.TrimAll(raw ?? string.Empty);
        if (!Precheck(text, out error))
        {
            return false;
        }

        if (!TryRead(text, formats, out var clock, out var offset))
        {
            error = NoMatch(text, formats);
            return false;
        }

        try
        {
            value = offset is { } written ? new DateTimeOffset(clock, written) : InZone(clock, zone ?? TimeZoneInfo.Utc);
            return true;
        }
        catch (ArgumentException)
        {
            error = $"{Quote.Of(text)} is out of range";
            return false;
        }
    }

    /// <summary>
    /// Parses a calendar date, such as a birth date, with the same formats and fallback as <see cref="TryParse"/>;
    /// a time of day in the value is ignored. Dates before 1880 or after tomorrow (UTC) are refused as typing errors.
    /// </summary>
    public static bool TryParseDate(string raw, IReadOnlyList<string> formats, out DateOnly value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = Text.TrimAll(raw ?? string.Empty);
        if (!Precheck(text, out error))
        {
            return false;
        }

        if (!TryRead(text, formats, out var parsed, out _))
        {
            error = NoMatch(text, formats);
            return false;
        }

        var date = DateOnly.FromDateTime(parsed);
        if (date.Year < MinBirthYear)
        {
            error = $"{Quote.Of(text)} is before {MinBirthYear}";
            return false;
        }

        if (date > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))
        {
            error = $"{Quote.Of(text)} is in the future";
            return false;
        }

        value = date;
        return true;
    }

    private static bool Precheck(string text, [NotNullWhen(false)] out string? error)
    {
        error = text.Length == 0 ? "empty date"
            : text.Length > MaxLength ? $"{Quote.Of(text)} is too long for a date"
            : null;
        return error is null;
    }

    private static IEnumerable<string> Usable(IReadOnlyList<string>? formats) =>
        formats?.Where(f => !string.IsNullOrWhiteSpace(f)) ?? [];

    private static string NoMatch(string text, IReadOnlyList<string>? formats) =>
        $"{Quote.Of(text)} matches none of {string.Join(", ", [.. Usable(formats), "ISO 8601"])}";

    // The clock time as written and its offset, null when the text has none; the caller's formats are tried first.
    private static bool TryRead(string text, IReadOnlyList<string>? formats, out DateTime clock, out TimeSpan? offset)
    {
        clock = default;
        offset = null;
        string[] all = [.. Usable(formats), .. Iso];
        try
        {
            if (!DateTime.TryParseExact(text, all, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out clock))
            {
                return false;
            }

            if (clock.Kind == DateTimeKind.Unspecified)
            {
                return true;
            }

            if (!DateTimeOffset.TryParseExact(text, all, CultureInfo.InvariantCulture, DateTimeStyles.None, out var written))
            {
                return false;
            }

            clock = written.DateTime;
            offset = written.Offset;
            return true;
        }
        catch (FormatException)
        {
            // A format string the caller wrote badly.
            return false;
        }
    }

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap, then shown in the zone: the clock moves forward by the gap.
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
