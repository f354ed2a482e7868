using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sightline.Core.Privacy;

/// <summary>
/// Sightline's secrets, in a file kept apart from the database (a copy of the database alone must not carry the key
/// that protects it): generated at first start, readable by its owner only.
/// </summary>
public sealed record KeyFile
{
    /// <summary>The HMAC secret of the suppression list (base64, 32 bytes).</summary>
    [JsonPropertyName("suppression")]
    public required string Suppression { get; init; }

    public byte[] SuppressionSecret => Convert.FromBase64String(Suppression);

    /// <summary>Where the key file of a data directory goes unless configured: beside the directory, not inside it.</summary>
    public static string DefaultPath(string dataDirectory) =>
        Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".keys.json";

    /// <summary>Reads the key file, creating it with fresh keys when missing.</summary>
    public static KeyFile LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(path))
                ?? throw new InvalidDataException($"{path}: not a Sightline key file");
        }

        var keys = new KeyFile { Suppression = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            JsonSerializer.Serialize(file, keys);
        }

        return keys;
    }
}
