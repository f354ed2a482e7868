using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.ComputedTraits;

public sealed class TraitDefinitionLoaderTests
{
    private static TraitDefinitionsResult Parse(string traits) => TraitDefinitionLoader.Parse("traits:\n" + traits, "my.yaml");

    private static string Error(string traits) => Parse(traits).Errors.ShouldHaveSingleItem();

    [Fact]
    public void A_full_definition_reads_every_key()
    {
        var result = Parse("""
              - name: big_store_spend_30d
                description: Store tickets over 50 in the last 30 days.
                aggregation: sum
                event: [Store Purchase, Order Completed]
                where:
                  total: { gt: 50 }
                  channel: { in: [store, online] }
                  $.context.campaign: { exists: false }
                property: total
                window_days: 30
            """);

        result.Errors.ShouldBeEmpty();
        var definition = result.Definitions.ShouldHaveSingleItem();
        definition.Name.ShouldBe("big_store_spend_30d");
        definition.Aggregation.ShouldBe(Aggregation.Sum);
        definition.Types.ShouldBe([MessageType.Track]);
        definition.Events.ShouldBe(["Store Purchase", "Order Completed"]);
        definition.Where.Select(f => f.Canonical).ShouldBe(["total gt [50]", "channel in [store\u001fonline]", "$.context.campaign exists [false]"]);
        definition.Property!.Text.ShouldBe("total");
        definition.WindowDays.ShouldBe(30);
    }

    [Fact]
    public void Json_is_read_as_well() =>
        TraitDefinitionLoader.Parse("""{"traits": [{"name": "n", "aggregation": "rate", "type": ["page", "screen"], "per": "active_day", "window_days": 30}]}""", "api")
            .Definitions.ShouldHaveSingleItem().Types.ShouldBe([MessageType.Page, MessageType.Screen]);

    [Theory]
    [InlineData("- { name: n, aggregation: count, event: A, windows_days: 9 }", "my.yaml: n.windows_days: unknown key (known: name, description,")]
    [InlineData("- { aggregation: count, event: A }", "my.yaml: traits[0].name: is required")]
    [InlineData("- { name: 9lives, aggregation: count, event: A }", "my.yaml: 9lives.name: \"9lives\" is not an identifier")]
    [InlineData("- { name: n, event: A }", "my.yaml: n.aggregation: is required (count, sum,")]
    [InlineData("- { name: n, aggregation: avg, event: A }", "my.yaml: n.aggregation: \"avg\" is not one of count, sum, average")]
    [InlineData("- { name: n, aggregation: count }", "my.yaml: n.event: say which events count")]
    [InlineData("- { name: n, aggregation: count, type: trak }", "my.yaml: n.type: \"trak\" is not a message type")]
    [InlineData("- { name: n, aggregation: count, type: identify, event: A }", "my.yaml: n.event: identify messages have no name to match")]
    [InlineData("- { name: n, aggregation: sum, event: A }", "my.yaml: n.property: sum needs the property it aggregates")]
    [InlineData("- { name: n, aggregation: count, event: A, property: total }", "my.yaml: n.property: count counts events and takes no property (to count only events having one, use where: {total: {exists: true}})")]
    [InlineData("- { name: n, aggregation: max, event: A, property: a..b }", "my.yaml: n.property: \"a..b\" is not a dotted path")]
    [InlineData("- { name: n, aggregation: count, event: A, window_days: 0 }", "my.yaml: n.window_days: must be from 1 to 730 days")]
    [InlineData("- { name: n, aggregation: count, event: A, window_days: ninety }", "my.yaml: n.window_days: \"ninety\" is not a whole number of days")]
    [InlineData("- { name: n, aggregation: rate, event: A, window_days: 30 }", "my.yaml: n.per: rate needs per")]
    [InlineData("- { name: n, aggregation: rate, event: A, per: month }", "my.yaml: n.per: rate needs per")]
    [InlineData("- { name: n, aggregation: rate, event: A, per: year, window_days: 30 }", "my.yaml: n.per: \"year\" is not one of day, week, month, active_day")]
    [InlineData("- { name: n, aggregation: count, event: A, per: day }", "my.yaml: n.per: only rate takes a period, not count")]
    [InlineData("- { name: n, aggregation: count, event: A, where: { total: { above: 5 } } }", "my.yaml: n.where.total.above: unknown operator (known: eq, ne, gt")]
    [InlineData("- { name: n, aggregation: count, event: A, where: { total: { in: 5 } } }", "my.yaml: n.where.total.in: takes a list of values")]
    [InlineData("- { name: n, aggregation: count, event: A, where: { total: { exists: maybe } } }", "my.yaml: n.where.total: exists takes true or false")]
    [InlineData("- { name: n, aggregation: count, event: A, where: [total] }", "my.yaml: n.where: must be a mapping")]
    [InlineData("- just text", "my.yaml: traits[0]: must be a mapping")]
    public void Each_mistake_is_named_by_trait_and_key(string traits, string expected) =>
        Error(traits).ShouldStartWith(expected);

    [Fact]
    public void Every_broken_trait_is_reported_and_nothing_is_loaded()
    {
        var result = Parse("""
              - { name: a, aggregation: count, event: A }
              - { name: b, aggregation: sum, event: A }
              - { name: a, aggregation: count, event: B }
              - { name: c, aggregation: nope, event: A, per: often }
            """);

        result.Definitions.ShouldBeEmpty();
        result.Errors.ShouldBe(
        [
            "my.yaml: b.property: sum needs the property it aggregates (such as total)",
            "my.yaml: a.name: another trait has this name",
            "my.yaml: c.aggregation: \"nope\" is not one of count, sum, average, min, max, first, last, most_frequent, distinct_values, distinct_count, days_since, rate",
            "my.yaml: c.per: \"often\" is not one of day, week, month, active_day",
        ]);
    }

    [Fact]
    public void Yaml_syntax_errors_give_line_and_column() =>
        TraitDefinitionLoader.Parse("traits:\n  - name: [unclosed\n", "my.yaml").Errors.ShouldHaveSingleItem().ShouldStartWith("my.yaml: line ");

    [Theory]
    [InlineData("- a\n- b")]
    [InlineData("traits: 3")]
    [InlineData("traits: []\nother: 1")]
    public void The_document_must_be_a_traits_list(string text) =>
        TraitDefinitionLoader.Parse(text, "my.yaml").Errors.ShouldHaveSingleItem().ShouldStartWith("my.yaml: ");

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception() =>
        TraitDefinitionLoader.Load("/nonexistent/traits.yaml").Errors.ShouldBe(["/nonexistent/traits.yaml: no such file"]);

    [Fact]
    public void The_fingerprint_ignores_description_and_order_but_not_meaning()
    {
        var fingerprint = Fingerprint("{ name: n, aggregation: sum, event: [A, B], property: total, where: { x: 1, y: 2 } }");

        fingerprint.ShouldMatch("^[0-9a-f]{16}$");
        Fingerprint("{ name: n, aggregation: sum, event: [B, A], property: total, where: { y: 2, x: 1 }, description: new words }").ShouldBe(fingerprint);
        Fingerprint("{ name: n, aggregation: sum, event: [A, B], property: total, where: { x: 1, y: 3 } }").ShouldNotBe(fingerprint);
        Fingerprint("{ name: n, aggregation: sum, event: [A, B], property: total, where: { x: 1, y: 2 }, window_days: 30 }").ShouldNotBe(fingerprint);
        Fingerprint("{ name: n, aggregation: average, event: [A, B], property: total, where: { x: 1, y: 2 } }").ShouldNotBe(fingerprint);
        Fingerprint("{ name: n, aggregation: sum, event: [A, B], property: amount, where: { x: 1, y: 2 } }").ShouldNotBe(fingerprint);
    }

    [Fact]
    public void Fingerprints_are_stable_across_releases() =>
        // Stored states carry this; a change here makes every deployment recompute every trait.
        Fingerprint("{ name: n, aggregation: count, event: Order Completed, window_days: 90 }").ShouldBe(PinnedFingerprint);

    [Fact]
    public void A_definition_written_as_json_reads_back_to_the_same_fingerprint()
    {
        var definitions = TraitDefinitionLoader.Defaults().Definitions
            .Append(Parse("""  - { name: n, aggregation: sum, event: [A, B], type: [track, page], property: total, where: { x: { in: [1, "007", a] }, y: { exists: false }, z: { gte: 2.50 } }, window_days: 30 }""").Definitions.Single())
            .ToList();

        foreach (var definition in definitions)
        {
            var json = TraitDefinitionLoader.ToJson(definition);
            var (again, errors) = TraitDefinitionLoader.ParseOne(System.Text.Json.Nodes.JsonNode.Parse(json.ToJsonString())!.AsObject());
            errors.ShouldBeEmpty(json.ToJsonString());
            again!.Fingerprint().ShouldBe(definition.Fingerprint(), json.ToJsonString());
            again.Description.ShouldBe(definition.Description);
        }
    }

    [Fact]
    public void One_definition_reports_each_problem_by_its_key()
    {
        var (definition, errors) = TraitDefinitionLoader.ParseOne(System.Text.Json.Nodes.JsonNode.Parse("""{"name":"x","aggregation":"summ","event":"A","windows_days":3}""")!.AsObject());

        definition.ShouldBeNull();
        errors.Select(e => e.Key).ShouldBe(["windows_days", "aggregation"], ignoreOrder: true);
        errors.Single(e => e.Key == "aggregation").Reason.ShouldContain("\"summ\" is not one of");
    }

    private const string PinnedFingerprint = "73ed959734aa518d";

    private static string Fingerprint(string trait) => Parse("  - " + trait).Definitions.ShouldHaveSingleItem().Fingerprint();
}
