using Sightline.Core.ComputedTraits;
using static Sightline.Core.Tests.ComputedTraits.TestEvents;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class ComputedTraitSetTests
{
    private static readonly DateTimeOffset Now = Start.AddDays(3);

    private static readonly ComputedTraitSet Set = new(TraitDefinitionLoader.Defaults().Definitions);

    [Fact]
    public void An_event_creates_and_changes_only_the_states_it_matches()
    {
        var states = new Dictionary<string, TraitState>(StringComparer.Ordinal);

        var changed = Set.Apply(states, Track("Store Purchase", Start, """{"total": 20, "last_product": "Gorro", "channel": "store"}"""));

        changed.ShouldBe(["lifetime_value", "last_store_visit", "last_store_product", "preferred_channel", "days_since_last_purchase", "last_seen"]);
        states.Keys.ShouldBe(changed, ignoreOrder: true);
        Set.Apply(states, Page("Home", Start)).ShouldBe(["pages_per_visit", "last_seen"]);
        var values = Set.Values(states, Now);
        values["lifetime_value"].ShouldBe(ComputedValue.FromNumber(20));
        values["orders_90d"].ShouldBe(ComputedValue.FromNumber(0));
        values["average_order_value"].ShouldBe(ComputedValue.None);
    }

    [Fact]
    public void States_of_a_changed_definition_are_left_for_recomputation()
    {
        var old = new ComputedTrait(new TraitDefinition { Name = "orders_90d", Aggregation = Aggregation.Count, Events = ["Order Completed"], WindowDays = 30 });
        var states = new Dictionary<string, TraitState>(StringComparer.Ordinal) { ["orders_90d"] = old.Recompute([Track("Order Completed", Start)]) };

        Set.Apply(states, Track("Order Completed", Start.AddDays(1))).ShouldNotContain("orders_90d");

        Set.Stale(states).Select(t => t.Name).ShouldContain("orders_90d");
        Set.Values(states, Now)["orders_90d"].ShouldBe(ComputedValue.FromNumber(0));
    }

    [Fact]
    public void Reading_a_scalar_value_allocates_nothing()
    {
        var states = Set.Traits.ToDictionary(t => t.Name, t => t.Recompute(
        [
            Track("Order Completed", Start, """{"total": 20, "channel": "online"}"""),
            Track("Store Purchase", Start.AddDays(1), """{"total": 5, "last_product": "Gorro", "channel": "store"}"""),
            Track("Email Opened", Start.AddDays(2)),
            Page("Home", Start.AddDays(2)),
        ]));
        var traits = Set.Traits.ToArray();
        foreach (var trait in traits)
        {
            trait.Value(states[trait.Name], Now);
        }

        Allocations.Least(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                foreach (var trait in traits)
                {
                    trait.Value(states[trait.Name], Now);
                }
            }
        }).ShouldBe(0);
    }

    [Fact]
    public void Two_traits_with_one_name_are_refused() =>
        Should.Throw<ArgumentException>(() => new ComputedTraitSet(
        [
            new TraitDefinition { Name = "x", Aggregation = Aggregation.Count, Events = ["A"] },
            new TraitDefinition { Name = "x", Aggregation = Aggregation.Count, Events = ["B"] },
        ]));
}
