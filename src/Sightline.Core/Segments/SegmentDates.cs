using System.Globalization;

namespace Sightline.Core.Segments;

/// <summary>
/// Reads the dates segments compare: a calendar date ("2026-01-31") stands for that whole UTC day, a date and time
/// ("2026-01-31T10:00:00Z", UTC when no offset is written) for one moment. Either way the result is a range
/// [<c>start</c>, <c>end</c>), so "= 2026-01-31" matches any moment of the day and "after 2026-01-31" starts the next day.
/// </summary>
internal static class SegmentDates
{
    private static readonly string[] Moments =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset start, out DateTimeOffset end)
    {
        text = text.Trim();
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            end = day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : start.AddDays(1);
            return true;
        }

        if (text.Length > 10 && DateTimeOffset.TryParseExact(text, Moments, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out start))
        {
            end = start == DateTimeOffset.MaxValue ? start : start.AddTicks(1);
            return true;
        }

        start = end = default;
        return false;
    }
}
