using System.Text.Json.Serialization;

namespace Sightline.Core.Privacy;

/// <summary>One data-encryption key of the key file.</summary>
/// <param name="Id">1–255, stored in every value encrypted under it.</param>
/// <param name="Key">32 bytes, base64.</param>
/// <param name="CreatedAt">When it was generated.</param>
public sealed record EncryptionKey(
    [property: JsonPropertyName("id")] byte Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt)
{
    [JsonIgnore]
    public byte[] Bytes => Convert.FromBase64String(Key);
}
