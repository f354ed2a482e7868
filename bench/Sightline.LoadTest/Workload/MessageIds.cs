namespace Sightline.LoadTest.Workload;

/// <summary>
/// Message ids shaped like UUIDs (36 characters, as Segment's SDKs send) that encode a run number
/// and a sequence number, so every message of a run is distinct and ids can be written in place.
/// </summary>
internal static class MessageIds
{
    /// <summary>What a rendered message carries until <see cref="Write"/> fills it in.</summary>
    public const string Placeholder = "????????-0000-4000-8000-????????????";

    private const string HexDigits = "0123456789abcdef";

    /// <summary>Writes the id for <paramref name="sequence"/> over a placeholder (36 ASCII bytes).</summary>
    public static void Write(Span<byte> target, uint run, long sequence)
    {
        WriteHex(target[..8], run);
        WriteHex(target.Slice(24, 12), (ulong)sequence);
    }

    /// <summary>The same id as a string, for messages built without HTTP.</summary>
    public static string Format(uint run, long sequence)
    {
        Span<byte> bytes = stackalloc byte[Placeholder.Length];
        System.Text.Encoding.ASCII.GetBytes(Placeholder, bytes);
        Write(bytes, run, sequence);
        return System.Text.Encoding.ASCII.GetString(bytes);
    }

    private static void WriteHex(Span<byte> target, ulong value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
