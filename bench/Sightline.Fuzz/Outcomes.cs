using System.Globalization;

namespace Sightline.Fuzz;

/// <summary>Counts per outcome, printed in order of first appearance.</summary>
internal sealed class Outcomes
{
    private readonly Dictionary<string, int> _counts = [];

    public void Add(string outcome) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;

    public override string ToString() =>
        string.Join(", ", _counts.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));
}
