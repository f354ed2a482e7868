using Sightline.Core.Audiences;

namespace Sightline.Cli.Demo;

/// <summary>Segments the demo starts with: what a retailer's marketing and service teams ask for first.</summary>
internal static class DemoSegments
{
    public static readonly IReadOnlyList<(string Name, string Expression, string Description)> All =
    [
        ("spain", """address.country = "ES" """, "Customers with a Spanish address."),
        ("active buyers", "orders_90d >= 2", "Two or more online orders in the last 90 days."),
        ("vip customers", """lifetime_value >= 500 or loyalty_tier in ["gold", "platinum"]""", "Big spenders and the top loyalty tiers."),
        ("lapsed customers", "days_since_last_purchase > 180", "Bought before, but not in the last six months."),
        ("email engaged", """email_opens_month >= 0.5 and consent("email_marketing")""", "Open an e-mail every other month or more, and agreed to receive them."),
        ("store regulars", """performed "Store Purchase" at least 3 times in last 365 days""", "Three or more till purchases in a year."),
        ("cart abandoners", """performed "Checkout Started" in last 30 days and not performed "Order Completed" in last 30 days""", "Started a checkout this month and did not order."),
        ("detractors", "nps_last_score <= 6", "Their latest NPS answer was 0 to 6."),
        ("win back spain", """in segment "spain" and in segment "lapsed customers" and consent("email_marketing")""", "Lapsed Spanish customers we may e-mail."),
    ];

    /// <summary>Saves the segments that do not exist yet; the rebuild that follows evaluates them.</summary>
    public static async Task SaveAsync(ISegmentStore store, CancellationToken cancellationToken)
    {
        foreach (var (name, expression, description) in All)
        {
            await store.CreateAsync(name, expression.Trim(), description, cancellationToken);
        }
    }
}
