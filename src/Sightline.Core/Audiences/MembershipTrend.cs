namespace Sightline.Core.Audiences;

/// <summary>A segment's size day by day, worked back from its size now and its entries and exits.</summary>
public static class MembershipTrend
{
    /// <summary>
    /// The size at the end of each of the <paramref name="days"/> UTC days up to <paramref name="today"/>, oldest
    /// first (the last is <paramref name="size"/>); <paramref name="changes"/> are the segment's, other days ignored.
    /// </summary>
    public static int[] Sizes(int size, IEnumerable<MembershipDay> changes, DateOnly today, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var net = new Dictionary<DateOnly, int>();
        foreach (var change in changes)
        {
            net[change.Day] = net.GetValueOrDefault(change.Day) + change.Entered - change.Left;
        }

        var sizes = new int[days];
        var running = size;
        for (var i = days - 1; i >= 0; i--)
        {
            // Never below zero: history erased with a person, or older than the members kept, must not draw a negative size.
            sizes[i] = Math.Max(running, 0);
            running -= net.GetValueOrDefault(today.AddDays(i - days + 1));
        }

        return sizes;
    }
}
