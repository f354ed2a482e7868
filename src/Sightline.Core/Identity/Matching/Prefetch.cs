using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Asks the processor to bring memory into the cache ahead of use, without waiting for it. Comparing a candidate pair
/// reads a record that is, for most pairs, nowhere in the cache; the pairs to come are known, so their records are
/// fetched while the current pair is compared. Nothing where the instruction is missing.
/// </summary>
internal static class Prefetch
{
    private const int LineChars = 32;

    /// <summary>The cache line holding the array's element.</summary>
    public static unsafe void Element<T>(T[] array, int index)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
        }
    }

    /// <summary>Every cache line of the text's characters.</summary>
    public static unsafe void Text(string text)
    {
        if (Sse.IsSupported)
        {
            fixed (char* start = text)
            {
                for (var c = 0; c < text.Length; c += LineChars)
                {
                    Sse.Prefetch0(start + c);
                }
            }
        }
    }
}
