using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using static Sightline.Core.Tests.ComputedTraits.TestEvents;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class WindowTests
{
    [Fact]
    public void A_window_counts_the_last_n_utc_days_today_included()
    {
        var trait = Trait(Aggregation.Count, window: 7);
        var state = trait.Recompute([Track("A", Start.AddHours(23)), Track("A", Start.AddDays(3)), Track("A", Start.AddDays(6).AddHours(12))]);

        trait.Value(state, Start.AddDays(6)).ShouldBe(ComputedValue.FromNumber(3));
        trait.Value(state, Start.AddDays(7).AddHours(23)).ShouldBe(ComputedValue.FromNumber(2));
        trait.Value(state, Start.AddDays(9)).ShouldBe(ComputedValue.FromNumber(2));
        trait.Value(state, Start.AddDays(10)).ShouldBe(ComputedValue.FromNumber(1));
        trait.Value(state, Start.AddDays(13)).ShouldBe(ComputedValue.FromNumber(0));
    }

    [Fact]
    public void Expire_drops_the_days_that_left_the_window_and_keeps_the_value()
    {
        var trait = Trait(Aggregation.Sum, "total", window: 30);
        var state = trait.Recompute([Track("A", Start, """{"total": 5}"""), Track("A", Start.AddDays(20), """{"total": 7}""")]);
        var now = Start.AddDays(40);
        var before = trait.Value(state, now);

        trait.Expire(state, now).ShouldBe(1);

        trait.Value(state, now).ShouldBe(before);
        trait.Value(state, now).ShouldBe(ComputedValue.FromNumber(7));
        trait.Expire(state, now).ShouldBe(0);
        trait.Expire(state, Start.AddDays(50)).ShouldBe(1);
        state.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_state_holds_at_most_one_tally_per_window_day_however_long_the_history()
    {
        var trait = Trait(Aggregation.Count, window: 90);
        var state = trait.NewState();
        for (var day = 0; day < 1000; day++)
        {
            trait.Apply(state, Track("A", Start.AddDays(day)));
            trait.Apply(state, Track("A", Start.AddDays(day).AddHours(3)));
        }

        state.Buckets.Count.ShouldBe(90);
        trait.Value(state, Start.AddDays(999)).ShouldBe(ComputedValue.FromNumber(180));
    }

    [Fact]
    public void An_event_older_than_the_window_behind_the_newest_is_ignored()
    {
        var trait = Trait(Aggregation.Count, window: 10);
        var state = trait.Recompute([Track("A", Start.AddDays(30))]);

        trait.Apply(state, Track("A", Start.AddDays(20))).ShouldBeFalse();
        trait.Apply(state, Track("A", Start.AddDays(21))).ShouldBeTrue();
        trait.Value(state, Start.AddDays(30)).ShouldBe(ComputedValue.FromNumber(2));
    }

    [Fact]
    public void Last_in_a_window_is_none_once_the_last_event_leaves_it()
    {
        var trait = Trait(Aggregation.Last, "v", window: 5);
        var state = trait.Recompute([Track("A", Start, """{"v": "x"}""")]);

        trait.Value(state, Start.AddDays(4)).ShouldBe(ComputedValue.FromText("x"));
        trait.Value(state, Start.AddDays(5)).ShouldBe(ComputedValue.None);
    }

    [Fact]
    public void First_in_a_window_moves_forward_as_days_expire()
    {
        var trait = Trait(Aggregation.First, "v", window: 5);
        var state = trait.Recompute([Track("A", Start, """{"v": "old"}"""), Track("A", Start.AddDays(3), """{"v": "new"}""")]);

        trait.Value(state, Start.AddDays(4)).ShouldBe(ComputedValue.FromText("old"));
        trait.Value(state, Start.AddDays(5)).ShouldBe(ComputedValue.FromText("new"));
    }

    [Fact]
    public void Most_frequent_and_distinct_fold_across_days_of_the_window()
    {
        EventMessage[] events =
        [
            Track("A", Start, """{"c": "store"}"""), Track("A", Start, """{"c": "store"}"""),
            Track("A", Start.AddDays(1), """{"c": "online"}"""), Track("A", Start.AddDays(2), """{"c": "online"}"""), Track("A", Start.AddDays(2), """{"c": "app"}"""),
        ];

        ValueOf(Trait(Aggregation.MostFrequent, "c", window: 10), Start.AddDays(2), events).ShouldBe(ComputedValue.FromText("online"));
        ValueOf(Trait(Aggregation.MostFrequent, "c", window: 10), Start.AddDays(2).AddHours(-1), events[..2]).ShouldBe(ComputedValue.FromText("store"));
        ValueOf(Trait(Aggregation.DistinctValues, "c", window: 2), Start.AddDays(2), events).List.ShouldBe(["app", "online"]);
        ValueOf(Trait(Aggregation.DistinctCount, "c", window: 10), Start.AddDays(2), events).ShouldBe(ComputedValue.FromNumber(3));
    }

    [Fact]
    public void Rate_per_month_divides_by_the_window_in_thirty_day_months()
    {
        var events = Enumerable.Range(0, 12).Select(i => Track("A", Start.AddDays(i * 10))).ToArray();

        ValueOf(Trait(Aggregation.Rate, window: 180, per: RatePeriod.Month), Start.AddDays(110), events).ShouldBe(ComputedValue.FromNumber(2));
        ValueOf(Trait(Aggregation.Rate, window: 14, per: RatePeriod.Week), Start.AddDays(110), events).ShouldBe(ComputedValue.FromNumber(1));
        ValueOf(Trait(Aggregation.Rate, window: 10, per: RatePeriod.Day), Start.AddDays(110), events).ShouldBe(ComputedValue.FromNumber(0.1m));
    }

    [Fact]
    public void Rate_per_active_day_is_events_per_day_with_any()
    {
        EventMessage[] pages = [Page("Home", Start), Page("Product", Start.AddMinutes(3)), Page("Home", Start.AddMinutes(9)), Page("Home", Start.AddDays(4))];
        var trait = new ComputedTrait(new TraitDefinition
        {
            Name = "pages_per_visit",
            Aggregation = Aggregation.Rate,
            Types = [MessageType.Page],
            Per = RatePeriod.ActiveDay,
            WindowDays = 30,
        });

        ValueOf(trait, Start.AddDays(5), pages).ShouldBe(ComputedValue.FromNumber(2));
        ValueOf(trait, Start.AddDays(5)).ShouldBe(ComputedValue.FromNumber(0));
    }

    [Fact]
    public void Days_since_in_a_window_is_none_when_the_last_event_left_it() =>
        ValueOf(Trait(Aggregation.DaysSince, window: 30), Start.AddDays(40), Track("A", Start)).ShouldBe(ComputedValue.None);

    [Fact]
    public void A_windowed_value_may_change_when_its_oldest_day_leaves_the_window()
    {
        var trait = Trait(Aggregation.Count, window: 7);
        var state = trait.Recompute([Track("A", Start.AddHours(20)), Track("A", Start.AddDays(3))]);

        trait.ChangesAt(state, Start.AddDays(3)).ShouldBe(Start.AddDays(7));
        trait.ChangesAt(state, Start.AddDays(7)).ShouldBe(Start.AddDays(10));
        trait.ChangesAt(state, Start.AddDays(10)).ShouldBeNull();
        Trait(Aggregation.Count).ChangesAt(state: Trait(Aggregation.Count).Recompute([Track("A", Start)]), Start).ShouldBeNull();
    }

    [Fact]
    public void Days_since_changes_at_each_whole_day_after_the_last_event()
    {
        var trait = Trait(Aggregation.DaysSince);
        var state = trait.Recompute([Track("A", Start.AddHours(20))]);

        trait.ChangesAt(state, Start.AddHours(21)).ShouldBe(Start.AddDays(1).AddHours(20));
        trait.ChangesAt(state, Start.AddDays(5).AddHours(19)).ShouldBe(Start.AddDays(5).AddHours(20));
    }

    [Theory]
    [InlineData(Aggregation.Count, null, ComputedValueKind.Number)]
    [InlineData(Aggregation.DaysSince, null, ComputedValueKind.Number)]
    [InlineData(Aggregation.Last, null, ComputedValueKind.Timestamp)]
    [InlineData(Aggregation.Last, "v", null)]
    [InlineData(Aggregation.MostFrequent, "v", ComputedValueKind.Text)]
    [InlineData(Aggregation.DistinctValues, "v", ComputedValueKind.List)]
    [InlineData(Aggregation.DistinctCount, "v", ComputedValueKind.Number)]
    public void Each_trait_says_the_kind_of_its_values(Aggregation aggregation, string? property, ComputedValueKind? kind) =>
        Trait(aggregation, property).ValueKind.ShouldBe(kind);
}
