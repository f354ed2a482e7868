namespace Sightline.Core.Segments;

/// <summary><c>at least N times</c>, <c>at most N times</c> or <c>exactly N times</c>.</summary>
public sealed record EventCount(CountKind Kind, int Times)
{
    /// <summary>Whether <paramref name="count"/> events satisfy this requirement.</summary>
    public bool IsMetBy(int count) => Kind switch
    {
        CountKind.AtMost => count <= Times,
        CountKind.Exactly => count == Times,
        _ => count >= Times,
    };

    /// <summary>How many events are enough to decide: counting can stop there.</summary>
    internal int Enough => Kind == CountKind.AtLeast ? Math.Max(Times, 1) : Times + 1;
}
