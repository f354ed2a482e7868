namespace Sightline.Core.Storage;

/// <summary>A rejected message or request, kept with its raw payload and the reason.</summary>
public sealed record QuarantinedMessage
{
    public required long Id { get; init; }

    /// <summary>The source's name; null when the request could not be tied to a source.</summary>
    public string? Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Position in the batch; null when the whole request was refused.</summary>
    public int? Index { get; init; }

    public string? MessageId { get; init; }

    public required string Field { get; init; }

    public required string Reason { get; init; }

    public required byte[] Payload { get; init; }

    /// <summary>The import the row came from; null for a message sent over HTTP.</summary>
    public long? ImportId { get; init; }

    /// <summary>The imported file's name.</summary>
    public string? File { get; init; }

    /// <summary>The row's line in the imported file (the header is line 1).</summary>
    public long? Line { get; init; }
}
