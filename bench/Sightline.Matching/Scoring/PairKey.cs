namespace Sightline.Matching.Scoring;

/// <summary>One long per unordered record pair, so (a, b) and (b, a) are the same key.</summary>
internal static class PairKey
{
    public static long Of(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
}
