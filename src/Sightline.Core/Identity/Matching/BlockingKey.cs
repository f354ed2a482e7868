namespace Sightline.Core.Identity.Matching;

/// <summary>
/// A record's key for one blocking rule: one to three values (each whole or a prefix), joined by a unit separator.
/// It refers to slices of the record's text rather than joining them, so that hashing a million records' keys allocates
/// nothing. There is no key when any part is missing.
/// </summary>
internal readonly struct BlockingKey
{
    private const char Separator = '\u001f';
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private readonly TextSlice _a;
    private readonly TextSlice _b;
    private readonly TextSlice _c;
    private readonly int _parts;

    public BlockingKey(TextSlice a)
    {
        _a = a;
        _parts = 1;
    }

    public BlockingKey(TextSlice a, TextSlice b)
    {
        (_a, _b) = (a, b);
        _parts = 2;
    }

    public BlockingKey(TextSlice a, TextSlice b, TextSlice c)
    {
        (_a, _b, _c) = (a, b, c);
        _parts = 3;
    }

    private bool Missing => _parts == 0 || _a.IsNull || (_parts > 1 && _b.IsNull) || (_parts > 2 && _c.IsNull);

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
}
