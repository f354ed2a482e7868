namespace Sightline.Matching.Scoring;

/// <summary>A uniform sample of fixed size from a stream of unknown length (Vitter's algorithm R).</summary>
internal sealed class Reservoir<T>(int capacity, Random random)
{
    private readonly List<T> items = new(capacity);
    private long seen;

    public IReadOnlyList<T> Items => items;

    public void Offer(T item)
    {
        seen++;
        if (items.Count < capacity)
        {
            items.Add(item);
        }
        else if (capacity > 0 && random.NextInt64(seen) < capacity)
        {
            items[random.Next(capacity)] = item;
        }
    }
}
