namespace Sightline.Core.Storage;

/// <summary>
/// What one source sent in one hour (UTC, by the time Sightline received it), for one message type: accepted
/// <see cref="Events"/>, and <see cref="Rejected"/> messages (counted under the type <c>""</c>: a rejected message's type
/// may be unknown). <see cref="Source"/> is <c>""</c> for a rejection not tied to a source.
/// </summary>
public sealed record HourlyTraffic(DateTimeOffset Hour, string Source, string Type, long Events, long Rejected);
