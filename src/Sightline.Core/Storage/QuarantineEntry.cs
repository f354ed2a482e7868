using Sightline.Core.Events;

namespace Sightline.Core.Storage;

/// <summary>A rejected message to keep, with its source when the request was authenticated.</summary>
public sealed record QuarantineEntry(long? SourceId, DateTimeOffset ReceivedAt, Rejection Rejection);
