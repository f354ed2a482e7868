namespace Sightline.Core.ComputedTraits;

/// <summary>The period a <see cref="Aggregation.Rate"/> divides by.</summary>
public enum RatePeriod
{
    Day,
    Week,

    /// <summary>30 days, so a 180-day window is six months.</summary>
    Month,

    /// <summary>A UTC day with at least one matching event: events per active day, such as pages per visit.</summary>
    ActiveDay,
}
