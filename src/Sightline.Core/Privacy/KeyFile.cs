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
    /// <summary>The HMAC secret of the suppression list (base64, 32 bytes); blind indexes use a key derived from it.</summary>
    [JsonPropertyName("suppression")]
    public required string Suppression { get; init; }

    /// <summary>The data-encryption keys, oldest first; values stay readable under any of them.</summary>
    [JsonPropertyName("encryption")]
    public IReadOnlyList<EncryptionKey> Encryption { get; init; } = [];

    /// <summary>The id of the key new values are encrypted under.</summary>
    [JsonPropertyName("currentEncryptionKey")]
    public byte? CurrentEncryptionKey { get; init; }

    [JsonIgnore]
    public byte[] SuppressionSecret => Convert.FromBase64String(Suppression);

    /// <summary>Where the key file of a data directory goes unless configured: beside the directory, not inside it.</summary>
    public static string DefaultPath(string dataDirectory) =>
        Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + ".keys.json";

    /// <summary>Reads the key file, creating it with fresh keys when missing, and adding an encryption key to one written before there were any.</summary>
    public static KeyFile LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            var created = new KeyFile { Suppression = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }.WithNewEncryptionKey();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            Write(path, created, FileMode.CreateNew);
            return created;
        }

        var keys = Load(path);
        if (keys.CurrentEncryptionKey is null)
        {
            keys = keys.WithNewEncryptionKey();
            Save(path, keys);
        }

        return keys;
    }

    /// <summary>Reads an existing key file.</summary>
    public static KeyFile Load(string path) =>
        JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path}: not a Sightline key file");

    /// <summary>Replaces the key file with <paramref name="keys"/>, atomically: a crash leaves the old file or the new one.</summary>
    public static void Save(string path, KeyFile keys)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        Write(temporary, keys, FileMode.CreateNew);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A copy with a fresh encryption key, made current.</summary>
    public KeyFile WithNewEncryptionKey()
    {
        var id = Encryption.Count == 0 ? 1 : Encryption.Max(k => k.Id) + 1;
        if (id > byte.MaxValue)
        {
            throw new InvalidOperationException("the key file holds encryption key 255; retire old keys before adding another");
        }

        var key = new EncryptionKey((byte)id, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTimeOffset.UtcNow);
        return this with { Encryption = [.. Encryption, key], CurrentEncryptionKey = key.Id };
    }

    /// <summary>A copy without the keys <paramref name="ids"/>; the current key always stays.</summary>
    public KeyFile Without(IReadOnlyCollection<byte> ids) =>
        this with { Encryption = [.. Encryption.Where(k => k.Id == CurrentEncryptionKey || !ids.Contains(k.Id))] };

    private static void Write(string path, KeyFile keys, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        JsonSerializer.Serialize(file, keys);
    }
}
