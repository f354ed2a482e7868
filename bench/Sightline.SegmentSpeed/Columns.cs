using Sightline.Core.Segments;

namespace Sightline.SegmentSpeed;

/// <summary>
/// Synthetic profiles held column by column (one array per trait), the shape an in-memory snapshot for a full
/// evaluation would take; <see cref="Cursor"/> points at one row at a time, so evaluating allocates nothing.
/// </summary>
internal sealed class Columns
{
    private static readonly string[] Countries = ["ES", "PT", "FR", "US", "España", "MX", "DE"];
    private static readonly string[] Cities = ["Málaga", "Madrid", "Lisboa", "Paris", "Ciudad de México", "Sevilla"];

    public Columns(int count, DateTimeOffset now)
    {
        var random = new Random(5);
        var tags = new[] { SegmentValue.List([SegmentValue.Text("vip")]), SegmentValue.List([SegmentValue.Text("newsletter")]), SegmentValue.Missing };
        Count = count;
        Traits = new Dictionary<string, SegmentValue[]>(StringComparer.Ordinal)
        {
            ["country"] = Fill(count, i => SegmentValue.Text(Countries[random.Next(Countries.Length)])),
            ["address.city"] = Fill(count, i => SegmentValue.Text(Cities[random.Next(Cities.Length)])),
            ["email"] = Fill(count, i => i % 10 == 0 ? default : SegmentValue.Text($"user{i}@{(i % 3 == 0 ? "gmail.com" : "shop.es")}")),
            ["orders_90d"] = Fill(count, i => SegmentValue.Number(random.Next(6))),
            ["lifetime_value"] = Fill(count, i => SegmentValue.Number(Math.Round(random.NextDouble() * 3_000, 2))),
            ["email_opens_month"] = Fill(count, i => SegmentValue.Number(random.Next(12))),
            ["last_seen"] = Fill(count, i => SegmentValue.Date(now.AddHours(-random.Next(24 * 120)))),
            ["signed_up"] = Fill(count, i => SegmentValue.Date(now.AddDays(-random.Next(2_000)))),
            ["vip"] = Fill(count, i => SegmentValue.Boolean(random.Next(10) == 0)),
            ["tags"] = Fill(count, i => tags[random.Next(tags.Length)]),
        };
        Consent = Fill(count, i => random.Next(3) switch { 0 => ConsentState.Granted, 1 => ConsentState.Denied, _ => ConsentState.Unknown });
        Churned = Fill(count, i => random.Next(8) == 0);
        Orders = Fill(count, i => random.Next(5));
    }

    public int Count { get; }

    public Dictionary<string, SegmentValue[]> Traits { get; }

    public ConsentState[] Consent { get; }

    public bool[] Churned { get; }

    /// <summary>Orders per profile, spread evenly over the last 60 days, the only events the synthetic profiles have.</summary>
    public int[] Orders { get; }

    private static T[] Fill<T>(int count, Func<int, T> make)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = make(i);
        }

        return values;
    }

    /// <summary>One row of the columns as a segment subject; move it with <see cref="Row"/>.</summary>
    internal sealed class Cursor(Columns columns) : ISegmentSubject
    {
        public int Row { get; set; }

        public SegmentValue Trait(string name) => columns.Traits.TryGetValue(name, out var column) ? column[Row] : default;

        public ConsentState Consent(string purpose) => purpose == "email_marketing" ? columns.Consent[Row] : ConsentState.Unknown;

        public bool IsMemberOf(string segmentName) => segmentName == "churned" && columns.Churned[Row];

        public int CountEvents(EventQuery query, DateTimeOffset now, int enough)
        {
            if (query.EventName != "Order Completed")
            {
                return 0;
            }

            // Orders are spread evenly over 60 days; a window keeps its share of them.
            var orders = columns.Orders[Row];
            return query.Window is { } window ? (int)(orders * Math.Min(window.TotalDays / 60, 1)) : orders;
        }
    }
}
