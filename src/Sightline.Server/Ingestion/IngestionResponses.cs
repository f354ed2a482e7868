namespace Sightline.Server.Ingestion;

/// <summary>The answer to an ingestion call whose messages were all committed.</summary>
public sealed record IngestAccepted(bool Success, int Accepted);

/// <summary>One refused message: its position in the batch, its id if it had one, the field and the reason.</summary>
public sealed record MessageError(int? Index, string? MessageId, string Field, string Reason);
