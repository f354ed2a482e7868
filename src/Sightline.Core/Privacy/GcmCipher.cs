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
            LibCrypto.ClearErrors();
            throw new CryptographicException("OpenSSL could not set up AES-256-GCM.");
        }
    }

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (_fallback is not null)
        {
            _fallback.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        }
        else
        {
            Run(nonce, encrypt: true, associatedData, plaintext, ciphertext, tag);
        }
    }

    /// <exception cref="AuthenticationTagMismatchException">The tag does not match: the value was altered, or belongs to other associated data.</exception>
    public void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (_fallback is not null)
        {
            _fallback.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return;
        }

        // OpenSSL takes the expected tag through a pointer it does not write to.
        Span<byte> expected = stackalloc byte[TagSize];
        tag.CopyTo(expected);
        Run(nonce, encrypt: false, associatedData, ciphertext, plaintext, expected);
    }

    public void Dispose()
    {
        _context?.Dispose();
        _fallback?.Dispose();
    }

    /// <summary>
    /// One operation under <paramref name="nonce"/>: takes in the associated data, transforms all of <paramref name="input"/>
    /// into <paramref name="output"/> (GCM is a stream mode), and writes the tag or checks it. On failure nothing of the
    /// output is left.
    /// </summary>
    private void Run(ReadOnlySpan<byte> nonce, bool encrypt, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> input, Span<byte> output, Span<byte> tag)
    {
        if (nonce.Length != 12 || input.Length != output.Length || tag.Length != TagSize)
        {
            throw new ArgumentException("AES-GCM here takes a 12-byte nonce, a 16-byte tag and an output as long as its input.");
        }

        var context = _context!;
        var written = input.Length;
        Span<byte> none = stackalloc byte[1];
        var transformed = LibCrypto.Init(context, 0, 0, in Unsafe.NullRef<byte>(), in nonce[0], encrypt ? 1 : 0) == 1
            && (associatedData.IsEmpty || LibCrypto.Update(context, ref Unsafe.NullRef<byte>(), out _, in associatedData[0], associatedData.Length) == 1)
            && (input.IsEmpty || LibCrypto.Update(context, ref output[0], out written, in input[0], input.Length) == 1)
            && written == input.Length
            // Decrypting, the expected tag goes in before the final step checks it; encrypting, it comes out after.
            && (encrypt || LibCrypto.Control(context, LibCrypto.CtrlGcmSetTag, TagSize, ref tag[0]) == 1);
        var authentic = transformed && LibCrypto.Final(context, ref none[0], out _) == 1;
        if (authentic && (!encrypt || LibCrypto.Control(context, LibCrypto.CtrlGcmGetTag, TagSize, ref tag[0]) == 1))
        {
            return;
        }

        output.Clear();
        LibCrypto.ClearErrors();
        throw transformed && !encrypt ? new AuthenticationTagMismatchException() : new CryptographicException("OpenSSL failed an AES-GCM operation.");
    }
}
