namespace Sightline.Core.Retention;

/// <summary>
/// What a retention pass did to one source's events of one type: <see cref="Deleted"/> events are gone with what was
/// derived from them; <see cref="Minimized"/> ones were cut down to the identity facts a profile rests on.
/// </summary>
public sealed record RetentionCount(string Source, string Type, long Deleted, long Minimized);
