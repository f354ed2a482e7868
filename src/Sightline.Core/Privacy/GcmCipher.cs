using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Sightline.Core.Privacy;

/// <summary>
/// AES-256-GCM under one key with 12-byte nonces and 16-byte tags, as <see cref="AesGcm"/> computes it. On Linux it
/// holds an OpenSSL context keyed once (see <see cref="LibCrypto"/> for why); elsewhere it is <see cref="AesGcm"/>.
/// Not thread-safe: the context carries each operation's state.
/// </summary>
internal sealed class GcmCipher : IDisposable
{
    private const int TagSize = 16;
    private readonly LibCrypto.CipherContext? _context;
    private readonly AesGcm? _fallback;

    public GcmCipher(byte[] key, bool native = true)
    {
        if (!native || !LibCrypto.IsAvailable)
        {
            _fallback = new AesGcm(key, TagSize);
            return;
        }

        _context = LibCrypto.NewContext();
        if (_context.IsInvalid
            || LibCrypto.Init(_context, LibCrypto.Aes256Gcm(), 0, in Unsafe.NullRef<byte>(), in Unsafe.NullRef<byte>(), -1) != 1
            || LibCrypto.Init(_context, 0, 0, in key[0], in Unsafe.NullRef<byte>(), -1) != 1)
        {
            _context.Dispose();
            throw Failed();
        }
    }

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (_context is null)
        {
            _fallback!.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
            return;
        }

        Check(nonce, plaintext.Length, ciphertext.Length, tag.Length);
        Span<byte> none = stackalloc byte[1];
        if (LibCrypto.Init(_context, 0, 0, in Unsafe.NullRef<byte>(), in nonce[0], 1) != 1
            || !Feed(associatedData, plaintext, ciphertext)
            || LibCrypto.Final(_context, ref none[0], out _) != 1
            || LibCrypto.Control(_context, LibCrypto.CtrlGcmGetTag, TagSize, ref tag[0]) != 1)
        {
            ciphertext.Clear();
            throw Failed();
        }
    }

    /// <exception cref="AuthenticationTagMismatchException">The tag does not match: the value was altered, or belongs to other associated data.</exception>
    public void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (_context is null)
        {
            _fallback!.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return;
        }

        Check(nonce, ciphertext.Length, plaintext.Length, tag.Length);
        Span<byte> expected = stackalloc byte[TagSize];
        tag.CopyTo(expected);
        Span<byte> none = stackalloc byte[1];
        if (LibCrypto.Init(_context, 0, 0, in Unsafe.NullRef<byte>(), in nonce[0], 0) != 1
            || !Feed(associatedData, ciphertext, plaintext)
            || LibCrypto.Control(_context, LibCrypto.CtrlGcmSetTag, TagSize, ref expected[0]) != 1)
        {
            plaintext.Clear();
            throw Failed();
        }

        if (LibCrypto.Final(_context, ref none[0], out _) != 1)
        {
            // What was decrypted is not authentic: none of it leaves.
            plaintext.Clear();
            LibCrypto.ClearErrors();
            throw new AuthenticationTagMismatchException();
        }
    }

    public void Dispose()
    {
        _context?.Dispose();
        _fallback?.Dispose();
    }

    /// <summary>Takes in the associated data, then transforms <paramref name="input"/> into <paramref name="output"/> (GCM is a stream mode: all of it).</summary>
    private bool Feed(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (!associatedData.IsEmpty && LibCrypto.Update(_context!, ref Unsafe.NullRef<byte>(), out _, in associatedData[0], associatedData.Length) != 1)
        {
            return false;
        }

        return input.IsEmpty || (LibCrypto.Update(_context!, ref output[0], out var written, in input[0], input.Length) == 1 && written == input.Length);
    }

    private static void Check(ReadOnlySpan<byte> nonce, int inputLength, int outputLength, int tagLength)
    {
        if (nonce.Length != 12 || inputLength != outputLength || tagLength != TagSize)
        {
            throw new ArgumentException("AES-GCM here takes a 12-byte nonce, a 16-byte tag and an output as long as its input.");
        }
    }

    private static CryptographicException Failed()
    {
        LibCrypto.ClearErrors();
        return new CryptographicException("OpenSSL failed an AES-GCM operation.");
    }
}
