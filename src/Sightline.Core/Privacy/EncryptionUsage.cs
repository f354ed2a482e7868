namespace Sightline.Core.Privacy;

/// <summary>How the stored personal values are encrypted.</summary>
/// <param name="CurrentKey">The key new values are encrypted under; null when they are written in clear.</param>
/// <param name="Values">Stored values by key id (<c>"1"</c>, <c>"2"</c>, …), and <c>"clear"</c> for those in clear.</param>
public sealed record EncryptionUsage(byte? CurrentKey, IReadOnlyDictionary<string, long> Values);
