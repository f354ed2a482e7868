namespace Sightline.Core.Events;

/// <summary>Size limits of the ingestion API; the defaults are Segment's.</summary>
public sealed record IngestionLimits
{
    /// <summary>Largest accepted message, in bytes of JSON (default 32 KB).</summary>
    public int MaxMessageBytes { get; init; } = 32 * 1024;

    /// <summary>Largest accepted request body after decompression, in bytes (default 500 KB).</summary>
    public int MaxRequestBytes { get; init; } = 500 * 1024;

    /// <summary>Deepest accepted JSON nesting.</summary>
    public int MaxDepth { get; init; } = 64;
}
