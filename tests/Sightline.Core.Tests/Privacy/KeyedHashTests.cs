using System.Security.Cryptography;
using Sightline.Core.Privacy;

namespace Sightline.Core.Tests.Privacy;

public sealed class KeyedHashTests
{
    [Fact]
    public void Hashes_equal_HMACSHA256_under_every_key_in_any_order_and_on_any_thread()
    {
        // More keys than a thread keeps, so kept hashes are dropped and made again in between.
        var keys = Enumerable.Range(0, 20).Select(i => RandomNumberGenerator.GetBytes(i % 3 == 0 ? 64 : 32)).ToArray();
        Parallel.For(0, 4, _ =>
        {
            Span<byte> hash = stackalloc byte[KeyedHash.Size];
            for (var i = 0; i < 500; i++)
            {
                var key = keys[Random.Shared.Next(keys.Length)];
                var data = RandomNumberGenerator.GetBytes(Random.Shared.Next(0, 300));
                KeyedHash.Compute(key.ToArray(), data, hash);
                hash.ToArray().ShouldBe(HMACSHA256.HashData(key, data));
            }
        });
    }
}
