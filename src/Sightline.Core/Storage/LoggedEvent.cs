using Sightline.Core.Events;

namespace Sightline.Core.Storage;

/// <summary>An event as stored in the log, with its position.</summary>
public sealed record LoggedEvent
{
    /// <summary>Position in the log; strictly increasing in commit order.</summary>
    public required long Sequence { get; init; }

    public required string Source { get; init; }

    public required string MessageId { get; init; }

    public required MessageType Type { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The normalized message as UTF-8 JSON.</summary>
    public required ReadOnlyMemory<byte> Json { get; init; }
}
