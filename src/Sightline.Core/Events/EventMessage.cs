namespace Sightline.Core.Events;

/// <summary>
/// One accepted message, normalized and ready for the log: batch context merged in,
/// <c>timestamp</c> corrected for clock skew and <c>receivedAt</c> stamped.
/// </summary>
public sealed record EventMessage
{
    public required MessageType Type { get; init; }

    /// <summary>The client's message id, or one generated on receipt when the client sent none.</summary>
    public required string MessageId { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>When the event happened, after Segment's skew correction.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the server received the request.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The normalized message as UTF-8 JSON; what the log stores and exports.</summary>
    public required byte[] Json { get; init; }
}
