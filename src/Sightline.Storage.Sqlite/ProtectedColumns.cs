using System.Security.Cryptography;
using System.Text;
using Sightline.Core.Privacy;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// The columns that hold personal values, each sealed with its own name as associated data (a value copied into
/// another column does not decrypt), and how a value of each is written and read.
/// </summary>
internal static class ProtectedColumns
{
    /// <summary>Every protected column, with the key that finds its rows (for re-encryption).</summary>
    public static readonly IReadOnlyList<ProtectedColumn> All =
    [
        new("events", ["seq"], "payload"),
        new("quarantine", ["id"], "payload", RawInput: true),
        new("derived.identities", ["type", "lookup", "profile_id"], "value"),
        new("derived.traits", ["rowid"], "value"),
        new("derived.merges", ["id"], "via_value"),
    ];

    public static ReadOnlySpan<byte> EventPayload => "events.payload"u8;

    public static ReadOnlySpan<byte> QuarantinePayload => "quarantine.payload"u8;

    public static ReadOnlySpan<byte> IdentityValue => "derived.identities.value"u8;

    public static ReadOnlySpan<byte> TraitValue => "derived.traits.value"u8;

    public static ReadOnlySpan<byte> MergeVia => "derived.merges.via_value"u8;

    /// <summary>A text value as it is stored: sealed bytes, or the text itself when writing in clear (so plaintext rows stay TEXT).</summary>
    public static object SealText(this FieldProtector protector, string value, ReadOnlySpan<byte> column) =>
        protector.CurrentKeyId is null ? value : protector.Seal(value, column);

    /// <summary>A stored text value: TEXT was written in clear, a BLOB is sealed.</summary>
    public static string OpenText(this FieldProtector protector, object stored, ReadOnlySpan<byte> column) =>
        stored as string ?? Encoding.UTF8.GetString(protector.Open((byte[])stored, column));

    /// <summary>
    /// A quarantined payload: raw input as received, so one written in clear before encryption may begin like a sealed
    /// value by chance; it is shown as received rather than making the whole quarantine unreadable.
    /// </summary>
    public static byte[] OpenQuarantined(this FieldProtector protector, byte[] stored)
    {
        try
        {
            return protector.Open(stored, QuarantinePayload);
        }
        catch (CryptographicException)
        {
            return stored;
        }
    }
}
