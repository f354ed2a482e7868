using Sightline.Core.Audiences;

namespace Sightline.Core.Tests.Audiences;

public sealed class MembershipTrendTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Sizes_are_worked_back_from_the_size_now_through_each_days_entries_and_exits()
    {
        MembershipDay[] changes =
        [
            new(1, Today, Entered: 3, Left: 1),
            new(1, Today.AddDays(-2), Entered: 5, Left: 0),
            new(1, Today.AddDays(-2), Entered: 0, Left: 2),
            new(1, Today.AddDays(-30), Entered: 100, Left: 0),
        ];

        MembershipTrend.Sizes(10, changes, Today, 4).ShouldBe([5, 8, 8, 10]);
    }

    [Fact]
    public void A_segment_without_changes_is_flat_and_history_missing_exits_never_draws_below_zero()
    {
        MembershipTrend.Sizes(7, [], Today, 3).ShouldBe([7, 7, 7]);
        MembershipTrend.Sizes(1, [new(1, Today, Entered: 4, Left: 0)], Today, 2).ShouldBe([0, 1]);
    }
}
