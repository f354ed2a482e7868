using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Core.Privacy;

/// <summary>
/// Encrypts personal values at rest (AES-256-GCM) and computes their blind indexes (keyed hashes that find and join
/// them without decrypting). A sealed value is <c>0x00, key id, 12-byte nonce, ciphertext, 16-byte tag</c>; anything
/// else is a value written in clear before encryption was on, and reads as it is. The associated data names the column
/// a value belongs to, so a sealed value moved to another column does not decrypt.
/// </summary>
public sealed class FieldProtector
{
    /// <summary>Bytes a sealed value adds to its plaintext: marker, key id, nonce and tag.</summary>
    public const int Overhead = 2 + NonceSize + TagSize;

    private const byte Marker = 0x00;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int IndexSize = 16;

    // A cipher holds one operation's state at a time, and creating one per value costs a key schedule: each thread
    // keeps one per key, found by the key's bytes (a process may load the same keys many times).
    [ThreadStatic]
    private static Dictionary<(UInt128, UInt128), GcmCipher>? t_ciphers;

    // Random nonces drawn from the system generator a page at a time: one call per value was a system call each
    // (getrandom), a measurable part of sealing a payload.
    [ThreadStatic]
    private static byte[]? t_nonces;

    [ThreadStatic]
    private static int t_noncesLeft;

    private readonly byte[]?[] _keys = new byte[]?[256];
    private readonly byte[] _indexKey;

    /// <param name="keys">Data keys by id (0–255), each 32 bytes: every key values may be sealed under.</param>
    /// <param name="current">The key new values are sealed under; null writes them in clear (reads still decrypt).</param>
    /// <param name="indexKey">The blind-index key, at least 32 bytes; it must never change while derived state uses it.</param>
    public FieldProtector(IReadOnlyDictionary<byte, byte[]> keys, byte? current, byte[] indexKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(indexKey.Length, 32, nameof(indexKey));
        foreach (var (id, key) in keys)
        {
            if (key.Length != 32)
            {
                throw new ArgumentException($"encryption key {id} is {key.Length} bytes; AES-256 needs 32", nameof(keys));
            }

            _keys[id] = key;
        }

        if (current is { } id0 && _keys[id0] is null)
        {
            throw new ArgumentException($"the current encryption key {id0} is not among the keys", nameof(current));
        }

        CurrentKeyId = current;
        _indexKey = indexKey;
    }

    /// <summary>No encryption, and blind indexes under a fixed, public key: for tests and tools that hold no secrets.</summary>
    public static FieldProtector Unkeyed { get; } = new(new Dictionary<byte, byte[]>(), null, new byte[32]);

    /// <summary>The key new values are sealed under, or null when they are written in clear.</summary>
    public byte? CurrentKeyId { get; }

    /// <summary>The two bytes every value sealed under the current key starts with (empty when writing in clear).</summary>
    public byte[] CurrentHeader => CurrentKeyId is { } id ? [Marker, id] : [];

    /// <summary>The blind-index key derived from a secret that outlives every data key (the suppression secret).</summary>
    public static byte[] DeriveIndexKey(byte[] secret) => HMACSHA256.HashData(secret, "sightline blind index v1"u8);

    /// <summary>A short fingerprint of data key <paramref name="id"/>, stored to recognise a wrong key at start; it reveals nothing of the key.</summary>
    public byte[] Fingerprint(byte id) => Fingerprint(_keys[id] ?? throw new ArgumentOutOfRangeException(nameof(id), $"no encryption key {id}"));

    /// <summary>The fingerprint of the blind-index key.</summary>
    public byte[] IndexFingerprint() => Fingerprint(_indexKey);

    /// <summary>True when <paramref name="id"/> is among the keys.</summary>
    public bool Holds(byte id) => _keys[id] is not null;

    /// <summary>Whether a stored value is sealed, and under which key.</summary>
    public static byte? KeyIdOf(ReadOnlySpan<byte> stored) => stored.Length >= Overhead && stored[0] == Marker ? stored[1] : null;

    /// <summary>Length of <paramref name="plaintextLength"/> bytes once sealed (or as they are, writing in clear).</summary>
    public int StoredLength(int plaintextLength) => CurrentKeyId is null ? plaintextLength : plaintextLength + Overhead;

    /// <summary>Seals under the current key into <paramref name="destination"/> (<see cref="StoredLength"/> bytes), or copies in clear.</summary>
    /// <returns>The bytes written.</returns>
    public int Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> destination)
    {
        if (CurrentKeyId is not { } id)
        {
            plaintext.CopyTo(destination);
            return plaintext.Length;
        }

        var length = plaintext.Length + Overhead;
        destination[0] = Marker;
        destination[1] = id;
        var nonce = destination.Slice(2, NonceSize);
        NextNonce(nonce);
        Cipher(id).Encrypt(nonce, plaintext, destination.Slice(2 + NonceSize, plaintext.Length), destination.Slice(length - TagSize, TagSize), associatedData);
        return length;
    }

    /// <summary>Seals under the current key, or returns the plaintext's bytes when writing in clear.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var stored = new byte[StoredLength(plaintext.Length)];
        Seal(plaintext, associatedData, stored);
        return stored;
    }

    /// <summary>Seals text as UTF-8, under the current key.</summary>
    public byte[] Seal(string plaintext, ReadOnlySpan<byte> associatedData) => Seal(Encoding.UTF8.GetBytes(plaintext), associatedData);

    /// <summary>The plaintext of a stored value: decrypted when sealed, the value itself when written in clear.</summary>
    /// <exception cref="CryptographicException">The key is missing, or the value was altered or belongs to another column.</exception>
    public byte[] Open(byte[] stored, ReadOnlySpan<byte> associatedData) =>
        KeyIdOf(stored) is null ? stored : Open((ReadOnlySpan<byte>)stored, associatedData);

    /// <summary>The plaintext of a stored value read in place (a copy of it when written in clear).</summary>
    /// <exception cref="CryptographicException">The key is missing, or the value was altered or belongs to another column.</exception>
    public byte[] Open(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> associatedData)
    {
        var plaintext = new byte[OpenedLength(stored)];
        Open(stored, associatedData, plaintext);
        return plaintext;
    }

    /// <summary>Length of the plaintext of a stored value (see <see cref="Open(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>).</summary>
    public static int OpenedLength(ReadOnlySpan<byte> stored) => KeyIdOf(stored) is null ? stored.Length : stored.Length - Overhead;

    /// <summary>The plaintext of a stored value, into <paramref name="destination"/> (<see cref="OpenedLength"/> bytes).</summary>
    /// <exception cref="CryptographicException">The key is missing, or the value was altered or belongs to another column.</exception>
    public void Open(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> associatedData, Span<byte> destination)
    {
        if (KeyIdOf(stored) is not { } id)
        {
            stored.CopyTo(destination);
            return;
        }

        if (_keys[id] is null)
        {
            throw new CryptographicException($"a value is sealed under encryption key {id}, which is not configured");
        }

        var length = stored.Length - Overhead;
        Cipher(id).Decrypt(stored.Slice(2, NonceSize), stored.Slice(2 + NonceSize, length), stored[^TagSize..], destination[..length], associatedData);
    }

    /// <summary>
    /// The blind index of an identifier: equal identifiers give equal indexes, and nothing short of the key turns an
    /// index back into a value (16 bytes of HMAC-SHA256; a chance collision needs about 2^64 identifiers).
    /// </summary>
    public byte[] BlindIndex(string type, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(type.Length + 1 + value.Length);
        var large = length <= 512 ? null : new byte[length];
        Span<byte> text = large ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(type, text);
        text[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(value, text[written..]);
        Span<byte> hash = stackalloc byte[KeyedHash.Size];
        KeyedHash.Compute(_indexKey, text[..written], hash);
        return hash[..IndexSize].ToArray();
    }

    private static void NextNonce(Span<byte> nonce)
    {
        var pool = t_nonces ??= new byte[NonceSize * 256];
        if (t_noncesLeft == 0)
        {
            RandomNumberGenerator.Fill(pool);
            t_noncesLeft = pool.Length / NonceSize;
        }

        var next = pool.AsSpan(pool.Length - (t_noncesLeft * NonceSize), NonceSize);
        next.CopyTo(nonce);
        // Used once: cleared so no later read of the pool can hand it out again.
        next.Clear();
        t_noncesLeft--;
    }

    private static byte[] Fingerprint(byte[] key) => HMACSHA256.HashData(key, "sightline key fingerprint v1"u8)[..16];

    private GcmCipher Cipher(byte id)
    {
        var key = _keys[id]!;
        var name = (BinaryPrimitives.ReadUInt128LittleEndian(key), BinaryPrimitives.ReadUInt128LittleEndian(key.AsSpan(16)));
        var ciphers = t_ciphers ??= [];
        if (!ciphers.TryGetValue(name, out var cipher))
        {
            if (ciphers.Count >= 16)
            {
                // Only tests cycle through many keys; a long-lived process holds one or two.
                foreach (var old in ciphers.Values)
                {
                    old.Dispose();
                }

                ciphers.Clear();
            }

            cipher = new GcmCipher(key);
            ciphers[name] = cipher;
        }

        return cipher;
    }
}
