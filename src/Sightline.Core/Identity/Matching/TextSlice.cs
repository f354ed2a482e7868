namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Part of a string, or no value at all (a null <see cref="Source"/>): a prepared record's fields are slices of its one
/// text, and blocking keys are made of slices, so neither copies characters out.
/// </summary>
internal readonly struct TextSlice(string? source, int start, int length)
{
    public string? Source { get; } = source;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public bool IsNull => Source is null;

    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

    public char this[int index] => Span[index];

    public static implicit operator TextSlice(string? text) => new(text, 0, text?.Length ?? 0);

    /// <summary>The first <paramref name="length"/> characters (all of a shorter text); no value stays no value.</summary>
    public TextSlice Prefix(int length) => new(Source, Start, Math.Min(length, Length));

    /// <summary>The characters before the first space (all of them when there is none).</summary>
    public TextSlice FirstWord()
    {
        var space = Span.IndexOf(' ');
        return space < 0 ? this : Prefix(space);
    }

    /// <summary>Both have no value, or both have the same characters: what string.Equals says of two strings or nulls.</summary>
    public static bool Same(TextSlice a, TextSlice b) => a.IsNull ? b.IsNull : !b.IsNull && a.Span.SequenceEqual(b.Span);

    /// <summary>The characters as a string, or null for no value.</summary>
    public override string? ToString() => Source?.Substring(Start, Length);
}
