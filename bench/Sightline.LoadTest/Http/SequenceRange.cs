namespace Sightline.LoadTest.Http;

/// <summary>Hands out disjoint ranges of message sequence numbers to concurrent connections.</summary>
internal sealed class SequenceRange
{
    private long _next;

    /// <summary>Reserves <paramref name="count"/> numbers and returns the first.</summary>
    public long Take(int count) => Interlocked.Add(ref _next, count) - count;
}
