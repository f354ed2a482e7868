using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Import;
using static Sightline.Core.Tests.ComputedTraits.TestEvents;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class DefaultTraitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<ComputedTrait> Defaults =
        [.. TraitDefinitionLoader.Defaults().Definitions.Select(d => new ComputedTrait(d))];

    // A year of one customer of the demo retailer, with properties as the import presets write them.
    private static readonly EventMessage[] Online =
    [
        Track("Order Completed", At(2, 10), """{"order_id": "#10001", "total": 89.90, "currency": "EUR", "products": "Forro polar", "quantity": 1, "channel": "online"}"""),
        Page("Home", At(5, 20)), Page("Product", At(5, 20).AddMinutes(2)), Page("Stores", At(5, 20).AddMinutes(5)),
        Track("Order Completed", At(5, 20).AddMinutes(9), """{"order_id": "#10002", "total": 120.00, "currency": "EUR", "quantity": 2, "channel": "online"}"""),
        Page("Home", At(6, 15)),
        Track("Order Completed", At(6, 15).AddMinutes(4), """{"order_id": "#10003", "total": 45.50, "currency": "EUR", "quantity": 1, "channel": "online"}"""),
        Track("Email Delivered", At(1, 8), """{"campaign_id": "cmp-41", "channel": "email"}"""),
        Track("Email Opened", At(1, 9), """{"campaign_id": "cmp-41", "channel": "email"}"""),
        Track("Email Opened", At(2, 6), """{"campaign_id": "cmp-42", "channel": "email"}"""),
        Track("Email Opened", At(3, 21), """{"campaign_id": "cmp-43", "channel": "email"}"""),
        Track("Email Link Clicked", At(3, 21).AddMinutes(5), """{"campaign_id": "cmp-43", "url": "https://www.sierra-outdoor.es/primavera-trail", "channel": "email"}"""),
        Track("Email Opened", At(3, 22), """{"campaign_id": "cmp-43", "channel": "email"}"""),
        Track("Email Opened", At(6, 16), """{"campaign_id": "cmp-44", "channel": "email"}"""),
        Track("Email Opened", At(6, 17), """{"campaign_id": "cmp-44", "channel": "email"}"""),
        Track("Survey Answered", At(4, 1), """{"survey": "NPS Q1", "nps_score": 9, "channel": "survey"}"""),
        Track("Survey Answered", At(6, 20), """{"survey": "NPS Q2", "nps_score": 6, "comment": "Tardaron mucho", "channel": "survey"}"""),
        Identify(At(6, 29), """{"email": "ana@example.es"}"""),
    ];

    private static readonly EventMessage[] InStore =
    [
        Track("Store Purchase", At(3, 5), """{"store": "MAD-01", "ticket": "000123", "total": 35.00, "payment_method": "card", "products": "2", "last_product": "Forro polar", "channel": "store"}"""),
        Track("Store Purchase", At(6, 2), """{"store": "MAD-01", "ticket": "000456", "total": 249.99, "payment_method": "cash", "products": "1", "last_product": "Botas montaña", "channel": "store"}"""),
    ];

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_defaults_load_and_compile() =>
        Defaults.Select(t => t.Name).ShouldBe(
        [
            "orders_90d", "lifetime_value", "average_order_value", "last_store_visit", "last_store_product", "email_opens_month",
            "last_email_click", "pages_per_visit", "preferred_channel", "days_since_last_purchase", "nps_last_score", "last_seen",
        ]);

    [Fact]
    public void The_defaults_over_a_customers_year()
    {
        var values = Evaluate(trait => trait.Recompute([.. Online, .. InStore]));

        values.ShouldBe(Expected());
    }

    [Fact]
    public void The_defaults_of_two_merged_profiles_equal_those_of_one_after_a_storage_round_trip()
    {
        var values = Evaluate(trait =>
        {
            var web = TraitState.FromJson(trait.Recompute(Online).ToJson());
            var store = TraitState.FromJson(trait.Recompute(InStore).ToJson());
            return trait.Combine(web, store);
        });

        values.ShouldBe(Expected());
    }

    [Fact]
    public void Every_default_reads_event_names_and_properties_the_import_presets_write()
    {
        var written = MappingLoader.Presets
            .Select(preset => MappingLoader.Load(MappingLoader.PresetPrefix + preset).Mapping!)
            .Where(mapping => mapping.Event is not null)
            .SelectMany(mapping => (mapping.Event!.Value is { } name ? [name] : mapping.Event.Values.Values).Select(name => (name, mapping.Properties.Keys)))
            .ToLookup(e => e.name, e => e.Keys);

        foreach (var trait in Defaults.Where(t => t.Definition.Types.SequenceEqual([MessageType.Track])))
        {
            foreach (var name in trait.Definition.Events)
            {
                written.Contains(name).ShouldBeTrue($"{trait.Name}: no preset writes \"{name}\"");
                var paths = trait.Definition.Where.Select(f => f.Path).Append(trait.Definition.Property).OfType<PropertyPath>().Where(p => !p.FromRoot);
                foreach (var path in paths)
                {
                    written[name].Any(keys => keys.Contains(path.Text)).ShouldBeTrue($"{trait.Name}: \"{name}\" has no property {path.Text}");
                }
            }
        }
    }

    private static Dictionary<string, ComputedValue> Expected() => new()
    {
        ["orders_90d"] = ComputedValue.FromNumber(2),
        ["lifetime_value"] = ComputedValue.FromNumber(540.39m),
        ["average_order_value"] = ComputedValue.FromNumber(255.40m / 3),
        ["last_store_visit"] = ComputedValue.FromTimestamp(At(6, 2)),
        ["last_store_product"] = ComputedValue.FromText("Botas montaña"),
        ["email_opens_month"] = ComputedValue.FromNumber(1),
        ["last_email_click"] = ComputedValue.FromTimestamp(At(3, 21).AddMinutes(5)),
        ["pages_per_visit"] = ComputedValue.FromNumber(2),
        ["preferred_channel"] = ComputedValue.FromText("online"),
        ["days_since_last_purchase"] = ComputedValue.FromNumber(15),
        ["nps_last_score"] = ComputedValue.FromNumber(6),
        ["last_seen"] = ComputedValue.FromTimestamp(At(6, 29)),
    };

    private static Dictionary<string, ComputedValue> Evaluate(Func<ComputedTrait, TraitState> build) =>
        Defaults.ToDictionary(t => t.Name, t => t.Value(build(t), Now));
}
