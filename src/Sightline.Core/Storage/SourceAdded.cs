using Sightline.Core.Sources;

namespace Sightline.Core.Storage;

/// <summary>The new source, or the field whose value another source already has.</summary>
public sealed record SourceAdded(Source? Source, string? ConflictField);
