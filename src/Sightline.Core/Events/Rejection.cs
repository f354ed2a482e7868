namespace Sightline.Core.Events;

/// <summary>
/// Why a message, or a whole request, was refused. <see cref="Index"/> is the message's position
/// in the batch (0 for a single call; null when the request as a whole could not be read).
/// </summary>
public sealed record Rejection(int? Index, string? MessageId, string Field, string Reason)
{
    /// <summary>The raw bytes as received, kept in quarantine so nothing is silently lost.</summary>
    public byte[] RawPayload { get; init; } = [];
}
