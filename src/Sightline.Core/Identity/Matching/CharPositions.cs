using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A text of at most <see cref="MaxLength"/> characters held in four vectors, so the positions of a character in it are
/// a bit mask from one comparison per 16 characters: no table to clear per call, which the string comparators pay for
/// every field of every candidate pair.
/// </summary>
internal readonly struct CharPositions
{
    public const int MaxLength = 64;

    private const int Lanes = 16;

    private readonly Vector256<ushort> _0, _1, _2, _3;
    private readonly int _chunks;

    // Padding is zero: a '\0' asked for must not find the padding.
    private readonly ulong _valid;

    public CharPositions(ReadOnlySpan<char> text)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, MaxLength);
        Span<ushort> padded = stackalloc ushort[MaxLength];
        MemoryMarshal.Cast<char, ushort>(text).CopyTo(padded);
        _0 = Vector256.Create<ushort>(padded[..Lanes]);
        _1 = Vector256.Create<ushort>(padded[Lanes..]);
        _2 = Vector256.Create<ushort>(padded[(2 * Lanes)..]);
        _3 = Vector256.Create<ushort>(padded[(3 * Lanes)..]);
        _chunks = (text.Length + Lanes - 1) / Lanes;
        _valid = text.Length == MaxLength ? ulong.MaxValue : (1UL << text.Length) - 1;
    }

    /// <summary>Bit i is set when the text's character at i is <paramref name="c"/>.</summary>
    public ulong Of(char c)
    {
        var wanted = Vector256.Create((ushort)c);
        ulong mask = Vector256.Equals(_0, wanted).ExtractMostSignificantBits();
        if (_chunks > 1)
        {
            mask |= (ulong)Vector256.Equals(_1, wanted).ExtractMostSignificantBits() << Lanes;
            if (_chunks > 2)
            {
                mask |= (ulong)Vector256.Equals(_2, wanted).ExtractMostSignificantBits() << (2 * Lanes);
                mask |= (ulong)Vector256.Equals(_3, wanted).ExtractMostSignificantBits() << (3 * Lanes);
            }
        }

        return mask & _valid;
    }
}
