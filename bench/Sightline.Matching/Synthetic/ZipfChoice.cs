namespace Sightline.Matching.Synthetic;

/// <summary>
/// Picks from a list ordered by frequency with weight 1/rank^s. Real name frequencies are that skewed, and the skew is
/// what makes blocking expensive: a uniform pick would make every block small and the speed figures flattering.
/// </summary>
internal sealed class ZipfChoice<T>
{
    private readonly IReadOnlyList<T> items;
    private readonly double[] cumulative;

    public ZipfChoice(IReadOnlyList<T> items, double exponent)
    {
        this.items = items;
        cumulative = new double[items.Count];
        double total = 0;
        for (var rank = 0; rank < items.Count; rank++)
        {
            total += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < items.Count; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    public T Next(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return items[Math.Min(index < 0 ? ~index : index, items.Count - 1)];
    }
}
