namespace Sightline.Core.Segments;

/// <summary>
/// What a segment expression reads, so that only the segments a change can affect are re-evaluated: a trait change
/// touches the segments listing that trait, an event those listing its name, and so on. Names are distinct and
/// sorted (ordinal). Property names inside <c>where</c> filters are not traits and are not listed.
/// </summary>
public sealed class SegmentDependencies
{
    private SegmentDependencies(IReadOnlyList<string> traits, IReadOnlyList<string> computedTraits, IReadOnlyList<string> events,
        IReadOnlyList<string> segments, IReadOnlyList<string> consentPurposes, bool isTimeDependent)
    {
        Traits = traits;
        ComputedTraits = computedTraits;
        Events = events;
        Segments = segments;
        ConsentPurposes = consentPurposes;
        IsTimeDependent = isTimeDependent;
    }

    /// <summary>The stored traits read (every trait name when no catalog told computed ones apart).</summary>
    public IReadOnlyList<string> Traits { get; }

    /// <summary>The computed traits read, as the catalog names them.</summary>
    public IReadOnlyList<string> ComputedTraits { get; }

    /// <summary>The event names of <c>performed</c> conditions.</summary>
    public IReadOnlyList<string> Events { get; }

    /// <summary>The segments referred to with <c>in segment</c>.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The purposes of <c>consent(…)</c> checks.</summary>
    public IReadOnlyList<string> ConsentPurposes { get; }

    /// <summary>
    /// True when membership can change with nothing but time passing: an event window (<c>in last N days</c>) or a
    /// <c>within</c>, anywhere in the expression. Such segments need a scheduled re-evaluation.
    /// </summary>
    public bool IsTimeDependent { get; }

    /// <summary>The dependencies of <paramref name="expression"/>; with a <paramref name="catalog"/>, computed traits are told apart.</summary>
    public static SegmentDependencies Of(SegmentExpression expression, SegmentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var traits = new SortedSet<string>(StringComparer.Ordinal);
        var computed = new SortedSet<string>(StringComparer.Ordinal);
        var events = new SortedSet<string>(StringComparer.Ordinal);
        var segments = new SortedSet<string>(StringComparer.Ordinal);
        var purposes = new SortedSet<string>(StringComparer.Ordinal);
        var timed = false;
        foreach (var node in SegmentNodes.All(expression, intoFilters: true))
        {
            switch (node.Expression)
            {
                case Comparison or ExistsCheck or WithinCheck when !node.InFilter:
                    var name = SegmentNodes.NameOf(node.Expression)!;
                    (catalog?.ComputedTraits.ContainsKey(name) == true ? computed : traits).Add(name);
                    break;
                case EventCondition performed:
                    events.Add(performed.EventName);
                    timed |= performed.Window is not null;
                    break;
                case SegmentReference reference:
                    segments.Add(reference.SegmentName);
                    break;
                case ConsentCheck consent:
                    purposes.Add(consent.Purpose);
                    break;
            }

            timed |= node.Expression is WithinCheck;
        }

        return new SegmentDependencies([.. traits], [.. computed], [.. events], [.. segments], [.. purposes], timed);
    }
}
