namespace Sightline.Core.Events;

/// <summary>What the parser made of one HTTP request body.</summary>
public sealed record ParsedRequest
{
    /// <summary>The <c>writeKey</c> found in the body, if any.</summary>
    public string? WriteKey { get; init; }

    public required IReadOnlyList<EventMessage> Accepted { get; init; }

    public required IReadOnlyList<Rejection> Rejected { get; init; }

    /// <summary>True when the body could not be read at all (invalid JSON, wrong shape, too large).</summary>
    public bool RequestRejected { get; init; }
}
