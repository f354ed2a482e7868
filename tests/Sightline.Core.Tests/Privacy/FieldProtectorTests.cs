using System.Security.Cryptography;
using System.Text;
using Sightline.Core.Privacy;

namespace Sightline.Core.Tests.Privacy;

public sealed class FieldProtectorTests
{
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Key2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] IndexKey = RandomNumberGenerator.GetBytes(32);

    private static FieldProtector Protector(byte? current) => new(new Dictionary<byte, byte[]> { [1] = Key1, [2] = Key2 }, current, IndexKey);

    [Fact]
    public void A_sealed_value_opens_to_the_plaintext_and_holds_none_of_it()
    {
        var plaintext = Encoding.UTF8.GetBytes("""{"traits":{"email":"ana@shop.es"}}""");

        var sealed1 = Protector(1).Seal(plaintext, "events.payload"u8);

        sealed1.Length.ShouldBe(plaintext.Length + FieldProtector.Overhead);
        FieldProtector.KeyIdOf(sealed1).ShouldBe((byte)1);
        Encoding.UTF8.GetString(sealed1).ShouldNotContain("ana@shop.es");
        Protector(2).Open(sealed1, "events.payload"u8).ShouldBe(plaintext, "any protector holding key 1 opens it");
        Protector(1).Seal(plaintext, "events.payload"u8).ShouldNotBe(sealed1, "a fresh nonce each time");
    }

    [Fact]
    public void A_value_moved_to_another_column_or_altered_does_not_open()
    {
        var sealed1 = Protector(1).Seal("ana@shop.es", "derived.identities.value"u8);

        Should.Throw<CryptographicException>(() => Protector(1).Open(sealed1, "derived.traits.value"u8));
        sealed1[^1] ^= 1;
        Should.Throw<CryptographicException>(() => Protector(1).Open(sealed1, "derived.identities.value"u8));
    }

    [Fact]
    public void Values_written_in_clear_read_as_they_are_and_a_missing_key_is_named()
    {
        var clear = Encoding.UTF8.GetBytes("{\"a\":1}");
        var writingInClear = Protector(null);

        writingInClear.Seal(clear, "events.payload"u8).ShouldBe(clear);
        Protector(1).Open(clear, "events.payload"u8).ShouldBe(clear);
        var sealed2 = Protector(2).Seal(clear, "events.payload"u8);
        var onlyKey1 = new FieldProtector(new Dictionary<byte, byte[]> { [1] = Key1 }, 1, IndexKey);
        Should.Throw<CryptographicException>(() => onlyKey1.Open(sealed2, "events.payload"u8)).Message.ShouldContain("key 2");
    }

    [Fact]
    public void Blind_indexes_are_equal_for_equal_identifiers_and_depend_on_the_key()
    {
        var index = Protector(1).BlindIndex("email", "ana@shop.es");

        index.Length.ShouldBe(16);
        Protector(2).BlindIndex("email", "ana@shop.es").ShouldBe(index);
        Protector(1).BlindIndex("email", "ana@shop.com").ShouldNotBe(index);
        Protector(1).BlindIndex("user_id", "ana@shop.es").ShouldNotBe(index);
        new FieldProtector(new Dictionary<byte, byte[]>(), null, RandomNumberGenerator.GetBytes(32)).BlindIndex("email", "ana@shop.es").ShouldNotBe(index);
    }

    [Fact]
    public void A_blind_index_is_the_first_16_bytes_of_the_HMAC_SHA256_of_type_colon_value()
    {
        // Plain, empty, non-ASCII, unpaired surrogates, and longer than the index's stack buffer.
        (string Type, string Value)[] identifiers = [("email", "ana@shop.es"), ("user_id", ""), ("name", "José Ñúñez 山田 \ud83d\ude00"), ("lone", "\ud83d:\ude00")];
        foreach (var (type, value) in identifiers.Concat(identifiers.Select(i => (i.Type, i.Value + new string('é', 400)))))
        {
            var expected = HMACSHA256.HashData(IndexKey, Encoding.UTF8.GetBytes($"{type}:{value}"))[..16];
            new FieldProtector(new Dictionary<byte, byte[]>(), null, IndexKey).BlindIndex(type, value).ShouldBe(expected, $"{type}:{value}");
        }
    }
}
