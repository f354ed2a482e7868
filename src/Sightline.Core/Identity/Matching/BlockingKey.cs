namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A record's key for one blocking rule: one to three values (each whole or a prefix), joined by a unit separator.
/// It refers to the record's strings rather than joining them, so that hashing a million records' keys allocates
/// nothing. There is no key when any part is missing.
/// </summary>
internal readonly struct BlockingKey
{
    private const char Separator = '\u001f';
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private readonly Part _a;
    private readonly Part _b;
    private readonly Part _c;
    private readonly int _parts;

    public BlockingKey(Part a)
    {
        _a = a;
        _parts = 1;
    }

    public BlockingKey(Part a, Part b)
    {
        (_a, _b) = (a, b);
        _parts = 2;
    }

    public BlockingKey(Part a, Part b, Part c)
    {
        (_a, _b, _c) = (a, b, c);
        _parts = 3;
    }

    private bool Missing => _parts == 0 || _a.Text is null || (_parts > 1 && _b.Text is null) || (_parts > 2 && _c.Text is null);

    /// <summary>FNV-1a (64 bits) of the joined text, as <see cref="Hash(string?)"/> gives it; 0 for no key.</summary>
    public ulong Hash()
    {
        if (Missing)
        {
            return 0;
        }

        var hash = Add(Offset, _a.Span);
        for (var p = 1; p < _parts; p++)
        {
            hash = Add((hash ^ Separator) * Prime, (p == 1 ? _b : _c).Span);
        }

        return hash == 0 ? 1 : hash;
    }

    /// <summary>FNV-1a, 64 bits; 0 stands for "no key".</summary>
    public static ulong Hash(string? key)
    {
        if (key is null)
        {
            return 0;
        }

        var hash = Add(Offset, key);
        return hash == 0 ? 1 : hash;
    }

    /// <summary>The joined text, or null for no key.</summary>
    public override string? ToString() =>
        Missing ? null : string.Join(Separator, new[] { _a, _b, _c }.Take(_parts).Select(p => p.Span.ToString()));

    private static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>A value, or its first <paramref name="Length"/> characters; a null <paramref name="Text"/> is missing.</summary>
    public readonly record struct Part(string? Text, int Length)
    {
        public ReadOnlySpan<char> Span => Text.AsSpan(0, Length);

        public static implicit operator Part(string? text) => new(text, text?.Length ?? 0);

        /// <summary>The first <paramref name="length"/> characters (all of a shorter text).</summary>
        public static Part Prefix(string? text, int length) => new(text, Math.Min(length, text?.Length ?? 0));
    }
}
