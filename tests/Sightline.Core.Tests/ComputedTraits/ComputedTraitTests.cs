using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using static Sightline.Core.Tests.ComputedTraits.TestEvents;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class ComputedTraitTests
{
    private static readonly DateTimeOffset Now = Start.AddDays(10);

    private static readonly EventMessage[] Orders =
    [
        Track("A", Start.AddHours(1), """{"total": 10.50, "channel": "store", "ok": true}"""),
        Track("A", Start.AddDays(2), """{"total": "4.5", "channel": "online"}"""),
        Track("A", Start.AddDays(1), """{"total": 30, "channel": "store", "ok": false}"""),
        Track("A", Start.AddDays(3), """{"channel": "store"}"""),
        Track("B", Start.AddDays(4), """{"total": 1000, "channel": "phone"}"""),
    ];

    [Fact]
    public void Count_counts_matching_events_only() =>
        ValueOf(Trait(Aggregation.Count), Now, Orders).ShouldBe(ComputedValue.FromNumber(4));

    [Fact]
    public void Count_over_several_events_counts_each_name() =>
        ValueOf(Trait(Aggregation.Count, events: ["A", "B"]), Now, Orders).ShouldBe(ComputedValue.FromNumber(5));

    [Fact]
    public void Sum_adds_numbers_and_numeric_text_and_skips_events_without_the_property() =>
        ValueOf(Trait(Aggregation.Sum, "total"), Now, Orders).ShouldBe(ComputedValue.FromNumber(45m));

    [Fact]
    public void Sum_without_events_is_zero_and_average_has_no_value()
    {
        ValueOf(Trait(Aggregation.Sum, "total"), Now).ShouldBe(ComputedValue.FromNumber(0));
        ValueOf(Trait(Aggregation.Average, "total"), Now).ShouldBe(ComputedValue.None);
    }

    [Fact]
    public void Average_divides_by_the_events_that_had_the_property() =>
        ValueOf(Trait(Aggregation.Average, "total"), Now, Orders).ShouldBe(ComputedValue.FromNumber(15m));

    [Fact]
    public void Min_and_max_are_numeric() =>
        (ValueOf(Trait(Aggregation.Min, "total"), Now, Orders), ValueOf(Trait(Aggregation.Max, "total"), Now, Orders))
            .ShouldBe((ComputedValue.FromNumber(4.5m), ComputedValue.FromNumber(30)));

    [Fact]
    public void First_and_last_go_by_timestamp_not_arrival()
    {
        ValueOf(Trait(Aggregation.First, "total"), Now, Orders).ShouldBe(ComputedValue.FromNumber(10.50m));
        ValueOf(Trait(Aggregation.Last, "total"), Now, Orders).ShouldBe(ComputedValue.FromText("4.5"));
        ValueOf(Trait(Aggregation.Last, "channel"), Now, Orders).ShouldBe(ComputedValue.FromText("store"));
        ValueOf(Trait(Aggregation.First, "ok"), Now, Orders).ShouldBe(ComputedValue.FromBoolean(true));
    }

    [Fact]
    public void First_and_last_without_a_property_are_timestamps()
    {
        ValueOf(Trait(Aggregation.First), Now, Orders).ShouldBe(ComputedValue.FromTimestamp(Start.AddHours(1)));
        ValueOf(Trait(Aggregation.Last), Now, Orders).ShouldBe(ComputedValue.FromTimestamp(Start.AddDays(3)));
    }

    [Fact]
    public void Events_at_the_same_moment_are_ordered_by_message_id()
    {
        var at = Start.AddHours(5);
        var events = new[] { Track("A", at, """{"v": "second"}""", "id-2"), Track("A", at, """{"v": "first"}""", "id-1") };

        ValueOf(Trait(Aggregation.First, "v"), Now, events).ShouldBe(ComputedValue.FromText("first"));
        ValueOf(Trait(Aggregation.Last, "v"), Now, [.. events.Reverse()]).ShouldBe(ComputedValue.FromText("second"));
    }

    [Fact]
    public void Most_frequent_breaks_ties_by_the_smallest_value() =>
        (ValueOf(Trait(Aggregation.MostFrequent, "channel"), Now, Orders),
         ValueOf(Trait(Aggregation.MostFrequent, "channel"), Now, Track("A", Now, """{"channel":"b"}"""), Track("A", Now, """{"channel":"a"}""")))
            .ShouldBe((ComputedValue.FromText("store"), ComputedValue.FromText("a")));

    [Fact]
    public void Distinct_values_are_ordinal_and_numbers_lose_trailing_zeros()
    {
        var events = new[] { Track("A", Now, """{"v": 5.0}"""), Track("A", Now, """{"v": 5}"""), Track("A", Now, """{"v": "b"}"""), Track("A", Now, """{"v": true}""") };

        ValueOf(Trait(Aggregation.DistinctValues, "v"), Now, events).List.ShouldBe(["5", "b", "true"]);
        ValueOf(Trait(Aggregation.DistinctCount, "v"), Now, events).ShouldBe(ComputedValue.FromNumber(3));
    }

    [Fact]
    public void Distinct_values_keep_at_most_the_cap()
    {
        var events = Enumerable.Range(0, ComputedTrait.MaxDistinctValues + 20).Select(i => Track("A", Now, $$"""{"v": "value-{{i:D3}}"}""")).ToArray();

        ValueOf(Trait(Aggregation.DistinctCount, "v"), Now, events).ShouldBe(ComputedValue.FromNumber(ComputedTrait.MaxDistinctValues));
    }

    [Fact]
    public void Days_since_counts_whole_days_at_read_time()
    {
        var trait = Trait(Aggregation.DaysSince);
        var state = trait.Recompute([Track("A", Start.AddHours(20))]);

        trait.Value(state, Start.AddHours(23)).ShouldBe(ComputedValue.FromNumber(0));
        trait.Value(state, Start.AddDays(3).AddHours(19)).ShouldBe(ComputedValue.FromNumber(2));
        trait.Value(state, Start.AddDays(3).AddHours(21)).ShouldBe(ComputedValue.FromNumber(3));
        trait.Value(trait.NewState(), Now).ShouldBe(ComputedValue.None);
    }

    [Fact]
    public void Property_paths_nest_and_can_start_at_the_message_root()
    {
        var message = Track("A", Now, """{"cart": {"total": 12}}""");

        ValueOf(Trait(Aggregation.Sum, "cart.total"), Now, message).ShouldBe(ComputedValue.FromNumber(12));
        ValueOf(Trait(Aggregation.Last, "$.event"), Now, message).ShouldBe(ComputedValue.FromText("A"));
    }

    [Fact]
    public void Identify_traits_are_the_body_of_an_identify()
    {
        var trait = new ComputedTrait(new TraitDefinition
        {
            Name = "last_plan",
            Aggregation = Aggregation.Last,
            Types = [MessageType.Identify],
            Property = PropertyPath.TryParse("plan"),
        });

        ValueOf(trait, Now, Identify(Start, """{"plan": "basic"}"""), Identify(Start.AddDays(1), """{"email": "a@b.es"}"""))
            .ShouldBe(ComputedValue.FromText("basic"));
    }

    [Theory]
    [InlineData("""{"channel": "store"}""", 3)]
    [InlineData("""{"channel": {"ne": "store"}}""", 1)]
    [InlineData("""{"total": {"gt": "10.5"}}""", 1)]
    [InlineData("""{"total": {"gte": 10.5}}""", 2)]
    [InlineData("""{"total": {"lt": 10.5}}""", 1)]
    [InlineData("""{"total": {"lte": "10.50"}}""", 2)]
    [InlineData("""{"channel": {"in": ["online", "phone"]}}""", 1)]
    [InlineData("""{"total": {"exists": false}}""", 1)]
    [InlineData("""{"ok": {"exists": true}, "ok ": {"exists": false}}""", 2)]
    [InlineData("""{"ok": false}""", 1)]
    [InlineData("""{"total": 30, "channel": "store"}""", 1)]
    public void Filters_select_events(string where, int expected)
    {
        var result = TraitDefinitionLoader.Parse($$"""{"traits": [{"name": "n", "aggregation": "count", "event": "A", "where": {{where}}}]}""", "test");

        result.Errors.ShouldBeEmpty();
        ValueOf(new ComputedTrait(result.Definitions[0]), Now, Orders).ShouldBe(ComputedValue.FromNumber(expected));
    }

    [Fact]
    public void Page_events_match_by_page_name_and_type()
    {
        var trait = new ComputedTrait(new TraitDefinition { Name = "p", Aggregation = Aggregation.Count, Types = [MessageType.Page], Events = ["Home"] });

        ValueOf(trait, Now, Page("Home", Start), Page("Search", Start), Track("Home", Start)).ShouldBe(ComputedValue.FromNumber(1));
    }

    [Fact]
    public void A_state_from_another_definition_is_refused()
    {
        var state = Trait(Aggregation.Count).NewState();
        var changed = Trait(Aggregation.Count, window: 7);

        changed.IsCurrent(state).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => changed.Value(state, Now));
    }

    [Fact]
    public void State_survives_a_json_round_trip()
    {
        var trait = Trait(Aggregation.Last, "channel", window: 30);
        var state = trait.Recompute(Orders);

        var restored = TraitState.FromJson(state.ToJson());

        trait.Value(restored, Now).ShouldBe(ComputedValue.FromText("store"));
        restored.ToJson().ShouldBe(state.ToJson());
    }

    [Fact]
    public void State_json_is_small_and_readable()
    {
        var trait = new ComputedTrait(new TraitDefinition { Name = "orders_90d", Aggregation = Aggregation.Count, Events = ["A"], WindowDays = 90 });

        var json = System.Text.Encoding.UTF8.GetString(trait.Recompute([Track("A", Start), Track("A", Start.AddHours(2)), Track("A", Start.AddDays(12))]).ToJson());

        json.ShouldBe($$"""{"fingerprint":"{{trait.Fingerprint}}","buckets":[{"day":739616,"count":2},{"day":739628,"count":1}]}""");
    }

    [Fact]
    public void Invalid_definitions_built_in_code_are_refused() =>
        Should.Throw<ArgumentException>(() => Trait(Aggregation.Sum)).Message.ShouldContain("property: sum needs the property");
}
