namespace Sightline.Core.Segments;

/// <summary>A span of time counted back from the evaluation time: <c>30 days</c>, <c>12 hours</c>.</summary>
public sealed record TimeWindow(int Amount, TimeUnit Unit)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Length => Unit switch
    {
        TimeUnit.Hours => TimeSpan.FromHours(Amount),
        TimeUnit.Weeks => TimeSpan.FromDays(7.0 * Amount),
        _ => TimeSpan.FromDays(Amount),
    };
}
