namespace Sightline.Server.Segments;

/// <summary>The rule a refused segment change broke.</summary>
public enum SegmentRefusal
{
    InvalidName,
    MissingExpression,
    InvalidExpression,

    /// <summary>Another segment has the name (HTTP 409).</summary>
    NameTaken,

    /// <summary>Other segments refer to it by name, so it can be neither renamed nor deleted (HTTP 409).</summary>
    Referenced,
}
