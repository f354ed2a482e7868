using System.Globalization;

namespace Sightline.Core.Events;

/// <summary>The one way Sightline writes times: ISO 8601 in UTC with milliseconds, as Segment does.</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
