using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sightline.LoadTest.Latency;

/// <summary>
/// Saves segments over the load's traits and events before a membership-latency run, so every event is evaluated
/// against them; the last one holds exactly the probes, whose membership the probes wait for.
/// </summary>
internal static class SegmentSetup
{
    public const string ProbeSegment = "probes";

    public static readonly IReadOnlyList<string> Expressions =
    [
        """plan = "member" """,
        """performed "Order Completed" at least 2 times in last 30 days""",
        """performed "Checkout Started" in last 1 days and not performed "Order Completed" in last 1 days""",
        """orders_90d >= 1""",
        """lifetime_value > 100""",
        """email contains "@example.com" and plan = "guest" """,
        """name starts with "ana" """,
        """performed "Coupon Applied" where category = "Footwear" """,
        """last_seen within 1 days""",
        """performed "Product Viewed" at least 3 times in last 7 days""",
        """in segment "s1" and in segment "s4" """,
        """phone starts with "+44" """,
        """not performed "Product Added" """,
        """average_order_value >= 50""",
        """preferred_channel = "online" """,
        """performed "Order Completed" where price > 100""",
        """plan in ["member", "vip"] and orders_90d = 0""",
        """createdAt after "2024-01-01" """,
        """pages_per_visit > 2""",
        """email contains "@bench.test" """,
    ];

    /// <summary>Saves the first <paramref name="count"/> segments (the probes' one always among them); returns the probes' segment name.</summary>
    public static async Task<string> CreateAsync(HttpClient http, AuthenticationHeaderValue admin, int count, CancellationToken cancellationToken)
    {
        var chosen = Expressions.Take(count - 1).Select((e, i) => ($"s{i + 1}", e)).Append((ProbeSegment, Expressions[^1]));
        foreach (var (name, expression) in chosen)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/segments")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { name, expression = expression.Trim() }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = admin;
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"segment {name} ({expression}): HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        return ProbeSegment;
    }
}
