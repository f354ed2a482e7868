namespace Sightline.Core.Retention;

/// <summary>
/// The retention rules in force. An event several rules cover is kept for the shortest of their ages; an event no rule
/// covers is kept for good. No rules, nothing is deleted.
/// </summary>
public sealed class RetentionPolicy(IReadOnlyList<RetentionRule> rules)
{
    public IReadOnlyList<RetentionRule> Rules { get; } = rules;

    /// <summary>Whether some rule names a track event, so the store must read event names.</summary>
    public bool NamesEvents => Rules.Any(r => r.Event is not null);

    /// <summary>Whether the event has outlived a rule that covers it, at <paramref name="now"/>.</summary>
    public bool Expired(string source, string type, string? eventName, DateTimeOffset timestamp, DateTimeOffset now) =>
        Rules.Any(r => timestamp < now - r.MaxAge && r.Covers(source, type, eventName));
}
