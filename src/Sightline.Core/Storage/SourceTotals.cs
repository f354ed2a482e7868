namespace Sightline.Core.Storage;

/// <summary>A source's newest accepted message (null for none yet) and every message of it rejected so far, replayed or not.</summary>
public sealed record SourceTotals(string Source, DateTimeOffset? LastEvent, long Rejected);
