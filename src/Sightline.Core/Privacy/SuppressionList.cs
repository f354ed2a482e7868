using System.Buffers.Binary;
using System.Text;
using Sightline.Core.Identity;

namespace Sightline.Core.Privacy;

/// <summary>
/// The identifiers of erased people, kept only as keyed hashes (HMAC-SHA256 under a secret that never enters the
/// database), so a later event or import carrying one is dropped instead of turning back into a person, while the
/// list itself reveals no one. Reads are lock-free: the set is replaced, never changed, when erasures add to it.
/// </summary>
public sealed class SuppressionList
{
    private readonly byte[] _secret;
    private HashSet<UInt128> _hashes = [];

    /// <param name="secret">At least 32 bytes; see <see cref="KeyFile"/>.</param>
    public SuppressionList(byte[] secret)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 32, nameof(secret));
        _secret = secret;
    }

    public int Count => Volatile.Read(ref _hashes).Count;

    /// <summary>The keyed hash stored for an identifier (normalized, as the pipeline holds it).</summary>
    public byte[] Hash(Identifier identifier)
    {
        var hash = new byte[KeyedHash.Size];
        KeyedHash.Compute(_secret, Encoding.UTF8.GetBytes(identifier.ToString()), hash);
        return hash;
    }

    /// <summary>True when any of the identifiers belongs to an erased person.</summary>
    public bool AnySuppressed(IReadOnlyList<Identifier> identifiers)
    {
        var hashes = Volatile.Read(ref _hashes);
        if (hashes.Count == 0)
        {
            return false;
        }

        foreach (var identifier in identifiers)
        {
            if (hashes.Contains(Key(Hash(identifier))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds stored hashes (at start, and when a person is erased).</summary>
    public void Add(IEnumerable<byte[]> hashes)
    {
        lock (_secret)
        {
            var next = new HashSet<UInt128>(Volatile.Read(ref _hashes));
            foreach (var hash in hashes)
            {
                next.Add(Key(hash));
            }

            Volatile.Write(ref _hashes, next);
        }
    }

    // 128 of the 256 bits: a chance collision would need about 2^64 erased identifiers.
    private static UInt128 Key(byte[] hash) => BinaryPrimitives.ReadUInt128LittleEndian(hash);
}
