namespace Sightline.Core.Segments;

/// <summary>How an <see cref="EventCount"/> compares the number of events with its number.</summary>
public enum CountKind
{
    /// <summary><c>at least N times</c></summary>
    AtLeast,

    /// <summary><c>at most N times</c></summary>
    AtMost,

    /// <summary><c>exactly N times</c></summary>
    Exactly,
}
