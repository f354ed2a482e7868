using System.Security.Cryptography;
using Sightline.Core.Privacy;

namespace Sightline.Core.Tests.Privacy;

public sealed class GcmCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(15, 20)]
    [InlineData(16, 24)]
    [InlineData(1_000, 17)]
    [InlineData(70_000, 1)]
    public void It_seals_exactly_as_AesGcm_and_either_opens_what_the_other_sealed(int length, int associatedLength)
    {
        var (nonce, plaintext, associated) = (RandomNumberGenerator.GetBytes(12), RandomNumberGenerator.GetBytes(length), RandomNumberGenerator.GetBytes(associatedLength));
        using var cipher = new GcmCipher(Key);
        using var reference = new AesGcm(Key, 16);
        var (ciphertext, tag) = (new byte[length], new byte[16]);
        var (expected, expectedTag) = (new byte[length], new byte[16]);

        for (var round = 0; round < 2; round++)
        {
            cipher.Encrypt(nonce, plaintext, ciphertext, tag, associated);
            reference.Encrypt(nonce, plaintext, expected, expectedTag, associated);

            ciphertext.ShouldBe(expected);
            tag.ShouldBe(expectedTag);
            var opened = new byte[length];
            cipher.Decrypt(nonce, expected, expectedTag, opened, associated);
            opened.ShouldBe(plaintext);
            reference.Decrypt(nonce, ciphertext, tag, opened, associated);
            opened.ShouldBe(plaintext);
        }
    }

    [Fact]
    public void An_altered_value_or_other_associated_data_does_not_open_and_leaves_no_plaintext()
    {
        var (nonce, plaintext) = (RandomNumberGenerator.GetBytes(12), RandomNumberGenerator.GetBytes(40));
        using var cipher = new GcmCipher(Key);
        var (ciphertext, tag, opened) = (new byte[40], new byte[16], new byte[40]);
        cipher.Encrypt(nonce, plaintext, ciphertext, tag, "derived.traits.value"u8);

        Should.Throw<AuthenticationTagMismatchException>(() => cipher.Decrypt(nonce, ciphertext, tag, opened, "derived.identities.value"u8));
        opened.ShouldAllBe(b => b == 0);
        ciphertext[3] ^= 1;
        Should.Throw<AuthenticationTagMismatchException>(() => cipher.Decrypt(nonce, ciphertext, tag, opened, "derived.traits.value"u8));
        opened.ShouldAllBe(b => b == 0);
        ciphertext[3] ^= 1;

        cipher.Decrypt(nonce, ciphertext, tag, opened, "derived.traits.value"u8);
        opened.ShouldBe(plaintext, "a failure leaves the cipher usable");
    }

    [Fact]
    public void Without_OpenSSL_it_is_AesGcm()
    {
        var (nonce, plaintext) = (RandomNumberGenerator.GetBytes(12), RandomNumberGenerator.GetBytes(33));
        using var fallback = new GcmCipher(Key, native: false);
        using var cipher = new GcmCipher(Key);
        var (ciphertext, tag, opened) = (new byte[33], new byte[16], new byte[33]);

        fallback.Encrypt(nonce, plaintext, ciphertext, tag, "events.payload"u8);
        cipher.Decrypt(nonce, ciphertext, tag, opened, "events.payload"u8);

        opened.ShouldBe(plaintext);
    }
}
