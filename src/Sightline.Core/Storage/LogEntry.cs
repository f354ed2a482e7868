using Sightline.Core.Events;

namespace Sightline.Core.Storage;

/// <summary>A message to append, with the source it was written into.</summary>
public sealed record LogEntry(long SourceId, EventMessage Message);
