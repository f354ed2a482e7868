namespace Sightline.Core.Segments;

/// <summary>The units a <see cref="TimeWindow"/> is written in.</summary>
public enum TimeUnit
{
    /// <summary><c>hours</c></summary>
    Hours,

    /// <summary><c>days</c></summary>
    Days,

    /// <summary><c>weeks</c> (7 days)</summary>
    Weeks,
}
