namespace Sightline.Server.Retention;

/// <summary>One rule of <c>Sightline:Retention:Rules</c>, as configured.</summary>
public sealed class RetentionRuleOptions
{
    /// <summary>A source name; unset for every source.</summary>
    public string? Source { get; set; }

    /// <summary>Message types (track, page, screen, identify, group, alias); unset for track, page and screen.</summary>
    public string[]? Types { get; set; }

    /// <summary>A track event name (<c>Product Viewed</c>); unset for every event.</summary>
    public string? Event { get; set; }

    /// <summary>How long events are kept after their own time: <c>365d</c>, <c>36h</c>.</summary>
    public string? MaxAge { get; set; }
}
