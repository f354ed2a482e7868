using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentDependenciesTests
{
    private static SegmentDependencies Of(string text, SegmentCatalog? catalog = null) =>
        SegmentDependencies.Of(SegmentParser.Parse(text).Expression!, catalog);

    [Fact]
    public void Lists_what_an_expression_reads_with_computed_traits_apart()
    {
        var dependencies = Of("""
            country = "ES" and orders_90d >= 2 and not in segment "churned"
            and (performed "Order Completed" where total > 50 or consent("email_marketing"))
            and country exists and address.city != "x"
            """, SegmentValidatorTests.Catalog);

        dependencies.Traits.ShouldBe(["address.city", "country"]);
        dependencies.ComputedTraits.ShouldBe(["orders_90d"]);
        dependencies.Events.ShouldBe(["Order Completed"]);
        dependencies.Segments.ShouldBe(["churned"]);
        dependencies.ConsentPurposes.ShouldBe(["email_marketing"]);
        dependencies.IsTimeDependent.ShouldBeFalse();
    }

    [Theory]
    [InlineData("last_seen within 14 days", true)]
    [InlineData("performed \"X\" in last 3 hours", true)]
    [InlineData("not (a = 1 or performed \"X\" where sent within 2 days)", true)]
    [InlineData("last_seen after \"2026-01-01\" and performed \"X\" at least 2 times", false)]
    public void Windows_and_within_make_a_segment_time_dependent(string text, bool timed) =>
        Of(text).IsTimeDependent.ShouldBe(timed);

    [Fact]
    public void Without_a_catalog_every_name_is_a_trait() =>
        Of("orders_90d > 1 and country = \"ES\"").Traits.ShouldBe(["country", "orders_90d"]);
}
