using System.Security.Cryptography;
using System.Text;
using Sightline.Core.Privacy;
using Sightline.Core.Retention;

namespace Sightline.Storage.Sqlite;

/// <summary>
/// The columns that hold personal values, each sealed with its own name as associated data (a value copied into
/// another column does not decrypt), and how a value of each is written and read.
/// </summary>
internal static class ProtectedColumns
{
    private static readonly ProtectedColumn Events = new("events", ["seq"], "payload");
    private static readonly ProtectedColumn Quarantine = new("quarantine", ["id"], "payload", RawInput: true);
    private static readonly ProtectedColumn Identities = new("derived.identities", ["type", "lookup", "profile_id"], "value");
    private static readonly ProtectedColumn Traits = new("derived.traits", ["rowid"], "value");
    private static readonly ProtectedColumn LatestTraits = new("derived.latest_traits", ["profile_id", "name", "source_id"], "value", CopyOf: Traits);
    private static readonly ProtectedColumn Merges = new("derived.merges", ["id"], "via_value");
    private static readonly ProtectedColumn ComputedStates = new("derived.computed_traits", ["profile_id", "name"], "state");

    /// <summary>Every protected column, with the key that finds its rows (for re-encryption).</summary>
    public static readonly IReadOnlyList<ProtectedColumn> All = [Events, Quarantine, Identities, Traits, LatestTraits, Merges, ComputedStates];

    public static ReadOnlySpan<byte> EventPayload => Events.AssociatedData;

    public static ReadOnlySpan<byte> QuarantinePayload => Quarantine.AssociatedData;

    public static ReadOnlySpan<byte> IdentityValue => Identities.AssociatedData;

    public static ReadOnlySpan<byte> TraitValue => Traits.AssociatedData;

    public static ReadOnlySpan<byte> MergeVia => Merges.AssociatedData;

    public static ReadOnlySpan<byte> ComputedState => ComputedStates.AssociatedData;

    /// <summary>A text value as it is stored: sealed bytes, or the text itself when writing in clear (so plaintext rows stay TEXT).</summary>
    public static object SealText(this FieldProtector protector, string value, ReadOnlySpan<byte> column) =>
        protector.CurrentKeyId is null ? value : protector.Seal(value, column);

    /// <summary>A stored text value: TEXT was written in clear, a BLOB is sealed.</summary>
    public static string OpenText(this FieldProtector protector, object stored, ReadOnlySpan<byte> column) =>
        stored as string ?? Encoding.UTF8.GetString(protector.Open((byte[])stored, column));

    /// <summary>
    /// A stored event payload cut down to its identity stub (<see cref="IdentityStub"/>), sealed as stored; null when it
    /// is a stub already. Shared by retention and analytics minimization.
    /// </summary>
    public static byte[]? StubOf(this FieldProtector protector, byte[] stored)
    {
        var plain = protector.Open(stored, EventPayload);
        var stub = IdentityStub.Of(plain);
        return stub.AsSpan().SequenceEqual(plain) ? null : protector.Seal(stub, EventPayload);
    }

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
