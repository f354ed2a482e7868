namespace Sightline.LoadTest.Workload;

/// <summary>
/// The request bodies of a run: a few distinct batches per connection. A connection has one request
/// in flight at a time, so it may rewrite its own bodies' ids between requests without copying.
/// </summary>
internal sealed class BatchSet
{
    private const int VariantsPerConnection = 8;

    private readonly BatchBody[][] _byConnection;

    private BatchSet(BatchBody[][] byConnection, int[] messageSizes)
    {
        _byConnection = byConnection;
        MinMessageBytes = messageSizes.Min();
        MaxMessageBytes = messageSizes.Max();
        AverageMessageBytes = messageSizes.Average();
        AverageBodyBytes = byConnection.SelectMany(b => b).Average(b => b.Bytes.Length);
    }

    public int Connections => _byConnection.Length;

    public int MinMessageBytes { get; }

    public int MaxMessageBytes { get; }

    public double AverageMessageBytes { get; }

    public double AverageBodyBytes { get; }

    public IReadOnlyList<BatchBody> All => [.. _byConnection.SelectMany(b => b)];

    public static BatchSet Create(int connections, int batch, string writeKey, int newVisitorPercent = 0)
    {
        var now = DateTimeOffset.UtcNow;
        var sizes = new List<int>();
        var byConnection = new BatchBody[connections][];
        for (var c = 0; c < connections; c++)
        {
            var events = new SampleEvents(seed: c, newVisitorPercent);
            byConnection[c] = new BatchBody[VariantsPerConnection];
            for (var v = 0; v < VariantsPerConnection; v++)
            {
                var messages = new byte[batch][];
                for (var m = 0; m < batch; m++)
                {
                    messages[m] = events.Next(now);
                    sizes.Add(messages[m].Length);
                }

                byConnection[c][v] = BatchBody.Render(messages, writeKey, now);
            }
        }

        return new BatchSet(byConnection, [.. sizes]);
    }

    public IReadOnlyList<BatchBody> ForConnection(int connection) => _byConnection[connection];
}
