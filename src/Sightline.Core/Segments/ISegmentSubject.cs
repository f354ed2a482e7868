namespace Sightline.Core.Segments;

/// <summary>
/// One profile as a compiled segment sees it. Implementations answer from whatever holds the profile (an in-memory
/// snapshot, a store); each method is called at most once per condition per evaluation and should not allocate.
/// </summary>
public interface ISegmentSubject
{
    /// <summary>The value of a trait or computed trait by its (possibly dotted) name; <see cref="SegmentValue.Missing"/> when unset.</summary>
    SegmentValue Trait(string name);

    /// <summary>The person's choice for a consent purpose.</summary>
    ConsentState Consent(string purpose);

    /// <summary>Whether the profile is currently a member of the named segment.</summary>
    bool IsMemberOf(string segmentName);

    /// <summary>
    /// The number of the profile's events named <see cref="EventQuery.EventName"/> that happened at or after
    /// <see cref="EventQuery.Since"/>(<paramref name="now"/>) and at or before <paramref name="now"/>, and whose
    /// properties satisfy <see cref="EventQuery.Filter"/> (every event when null). Counting may stop at
    /// <paramref name="enough"/>: any number from there up gives the same answer.
    /// </summary>
    int CountEvents(EventQuery query, DateTimeOffset now, int enough);
}
