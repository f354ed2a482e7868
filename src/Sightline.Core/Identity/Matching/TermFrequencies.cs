namespace Sightline.Core.Identity.Matching;

/// <summary>
/// How often each value of a term-adjusted field occurs, so that two "García" agree less than two "Zubizarreta".
/// </summary>
internal sealed class TermFrequencies
{
    /// <summary>Below this many records a value's share says little (two profiles both "Ana" make Ana look universal): no adjustment.</summary>
    public const int MinimumRecords = 1_000;

    private readonly Dictionary<string, int>?[] _counts;
    private long _records;

    public TermFrequencies(IReadOnlyList<FieldComparison> fields)
    {
        _counts = [.. fields.Select(f => f.Term is null ? null : new Dictionary<string, int>(StringComparer.Ordinal))];
        Fields = fields;
    }

    public IReadOnlyList<FieldComparison> Fields { get; }

    public static TermFrequencies Of(IReadOnlyList<FieldComparison> fields, IEnumerable<PreparedRecord> records)
    {
        var frequencies = new TermFrequencies(fields);
        foreach (var record in records)
        {
            frequencies.Add(record, 1);
        }

        return frequencies;
    }

    /// <summary>Counts a record's values in (<paramref name="sign"/> 1) or out (-1) again.</summary>
    public void Add(PreparedRecord record, int sign)
    {
        _records += sign;
        for (var f = 0; f < _counts.Length; f++)
        {
            if (_counts[f] is { } counts && Fields[f].Term!(record) is { IsNull: false } value)
            {
                var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
                var count = (lookup.TryGetValue(value.Span, out var known) ? known : 0) + sign;
                if (count <= 0)
                {
                    lookup.Remove(value.Span);
                }
                else
                {
                    lookup[value.Span] = count;
                }
            }
        }
    }

    /// <summary>The share of records holding this value of field <paramref name="field"/>, or null when unknown or too few records are counted.</summary>
    public double? Frequency(int field, ReadOnlySpan<char> value) =>
        _records >= MinimumRecords && _counts[field] is { } counts && counts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var count) ? (double)count / _records : null;
}
