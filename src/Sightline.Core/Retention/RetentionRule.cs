using Sightline.Core.Events;

namespace Sightline.Core.Retention;

/// <summary>
/// Events of one source (or every source) and some message types (for <c>track</c>, optionally one event name) are
/// kept at most <see cref="MaxAge"/> after their own time, the message's <c>timestamp</c>.
/// </summary>
public sealed record RetentionRule
{
    /// <summary>The behavioural types a rule covers when it names none: identify, group and alias are covered only when named.</summary>
    public static readonly IReadOnlyList<string> BehaviouralTypes = ["track", "page", "screen"];

    /// <summary>The source's name; null for every source.</summary>
    public string? Source { get; init; }

    /// <summary>Wire names of the message types covered (<c>page</c>, <c>track</c>, …).</summary>
    public required IReadOnlySet<string> Types { get; init; }

    /// <summary>For <c>track</c> messages, the one event name covered (ordinal); null for every name.</summary>
    public string? Event { get; init; }

    public required TimeSpan MaxAge { get; init; }

    /// <summary>Whether an event of this source, type and (for track) name falls under the rule, whatever its age.</summary>
    public bool Covers(string source, string type, string? eventName) =>
        (Source is null || string.Equals(Source, source, StringComparison.Ordinal))
        && Types.Contains(type)
        && (Event is null || (type == "track" && string.Equals(Event, eventName, StringComparison.Ordinal)));

    /// <summary>
    /// A rule from its settings, or the field at fault and why. <paramref name="maxAge"/> is read by <see cref="Ages.Parse"/>.
    /// </summary>
    /// <param name="source">A source name, or null for every source.</param>
    /// <param name="types">Message types; none means the behavioural ones (track, page, screen).</param>
    /// <param name="eventName">A track event name, or null.</param>
    /// <param name="maxAge">How long events are kept.</param>
    public static RuleParse Parse(string? source, IReadOnlyList<string>? types, string? eventName, string? maxAge)
    {
        var named = (types ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).ToList();
        if (named.FirstOrDefault(t => !MessageTypes.TryParse(t, out _)) is { } unknown)
        {
            return new RuleParse(null, "Types", $"\"{unknown}\" is not a message type; use track, page, screen, identify, group or alias");
        }

        if (eventName is { Length: > 0 } && named.Count > 0 && !named.Contains("track"))
        {
            return new RuleParse(null, "Event", "names a track event, so Types must include track (or be left out)");
        }

        if (Ages.Parse(maxAge) is not { } age)
        {
            return new RuleParse(null, "MaxAge", $"\"{maxAge}\" is not an age: {Ages.Format}");
        }

        var covered = named.Count > 0 ? named : eventName is { Length: > 0 } ? ["track"] : BehaviouralTypes;
        return new RuleParse(
            new RetentionRule
            {
                Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
                Types = new HashSet<string>(covered, StringComparer.Ordinal),
                Event = string.IsNullOrEmpty(eventName) ? null : eventName,
                MaxAge = age,
            },
            null,
            null);
    }
}

/// <summary>A parsed rule, or the setting at fault (<c>Types</c>, <c>Event</c>, <c>MaxAge</c>) and why.</summary>
public sealed record RuleParse(RetentionRule? Rule, string? Field, string? Reason);
