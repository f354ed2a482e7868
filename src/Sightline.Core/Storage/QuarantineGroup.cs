namespace Sightline.Core.Storage;

/// <summary>How many quarantine entries wait from one source (null when unknown) and one import (null for messages sent over HTTP).</summary>
public sealed record QuarantineGroup(string? Source, long? ImportId, string? File, long Count);
