using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentValidatorTests
{
    internal static readonly SegmentCatalog Catalog = new()
    {
        Traits = new Dictionary<string, TraitType>
        {
            ["country"] = TraitType.Text,
            ["address.city"] = TraitType.Text,
            ["last_seen"] = TraitType.Date,
            ["vip"] = TraitType.Boolean,
            ["tags"] = TraitType.List,
        },
        ComputedTraits = new Dictionary<string, TraitType>
        {
            ["orders_90d"] = TraitType.Number,
            ["email_opens_month"] = TraitType.Number,
            ["lifetime_value"] = TraitType.Number,
        },
        ConsentPurposes = new HashSet<string> { "email_marketing", "sms_marketing" },
        EventNames = new HashSet<string> { "Order Completed", "Email Opened" },
        Segments = new Dictionary<string, IReadOnlyList<string>>
        {
            ["churned"] = [],
            ["big spenders"] = ["churned"],
            ["winback"] = ["big spenders"],
        },
    };

    private static IReadOnlyList<SegmentDiagnostic> Check(string text, string? name = null) =>
        SegmentValidator.Check(text, Catalog, name).Diagnostics;

    private static string Message(string text, string? name = null) => Check(text, name).ShouldHaveSingleItem().Message;

    [Fact]
    public void Issue_examples_are_valid_against_the_catalog()
    {
        Check("""country = "ES" and orders_90d >= 2 and not in segment "churned" """).ShouldBeEmpty();
        Check("""performed "Order Completed" at least 3 times in last 30 days where total > 50""").ShouldBeEmpty();
        Check("""email_opens_month > 4 and consent("email_marketing") and last_seen within 14 days""").ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_trait_suggests_the_closest_known_one_at_its_position()
    {
        var diagnostic = Check("country = \"ES\" and ordres_90d >= 2").ShouldHaveSingleItem();

        diagnostic.Message.ShouldBe("unknown trait \"ordres_90d\" — did you mean \"orders_90d\"?");
        (diagnostic.Severity, diagnostic.Line, diagnostic.Column, diagnostic.Length).ShouldBe((DiagnosticSeverity.Error, 1, 20, 10));
    }

    [Theory]
    [InlineData("Country exists", "unknown trait \"Country\" — did you mean \"country\"?")]
    [InlineData("address.cty = \"x\"", "unknown trait \"address.cty\" — did you mean \"address.city\"?")]
    [InlineData("in segment \"chruned\"", "unknown segment \"chruned\" — did you mean \"churned\"?")]
    [InlineData("consent(\"email_marketin\")", "unknown consent purpose \"email_marketin\" — did you mean \"email_marketing\"?")]
    public void Unknown_names_are_errors_with_suggestions(string text, string message) => Message(text).ShouldBe(message);

    [Fact]
    public void Unknown_trait_far_from_any_known_one_is_a_warning_because_no_source_may_have_sent_it_yet()
    {
        var result = SegmentValidator.Check("favourite_colour = \"red\"", Catalog);

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Message.ShouldBe("no profile has a trait \"favourite_colour\" yet: this condition holds for no one until one does");
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_event_is_a_warning_because_it_may_not_have_arrived_yet()
    {
        var result = SegmentValidator.Check("performed \"Order Complted\"", Catalog);

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Message.ShouldBe("no \"Order Complted\" event has been seen yet — did you mean \"Order Completed\"?");
        (diagnostic.Column, diagnostic.Length).ShouldBe((11, 16));
        result.Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("orders_90d = \"abc\"", "orders_90d is a number; \"abc\" is text")]
    [InlineData("orders_90d > \"3\"", "orders_90d is a number; \"3\" is text — write 3 without quotes")]
    [InlineData("country = 34", "country is text; 34 is a number — write \"34\" in quotes")]
    [InlineData("vip = \"yes\"", "vip is a boolean; \"yes\" is text")]
    [InlineData("last_seen after \"yesterday\"", "last_seen is a date; \"yesterday\" is not a date such as \"2026-01-31\" or \"2026-01-31T10:00:00Z\"")]
    [InlineData("orders_90d contains 3", "\"contains\" does not apply to orders_90d, a number")]
    [InlineData("country before \"2026-01-01\"", "\"before\" applies to dates; country is text")]
    [InlineData("orders_90d within 3 days", "\"within\" applies to dates; orders_90d is a number")]
    [InlineData("vip > true", "\">\" does not apply to vip, a boolean")]
    [InlineData("tags = \"x\"", "tags is a list; use contains, in or not in")]
    public void Type_mismatches_are_reported(string text, string message) => Message(text).ShouldBe(message);

    [Fact]
    public void Each_wrong_list_item_is_reported_at_its_position()
    {
        var diagnostics = Check("orders_90d in [1, \"two\", 3, false]");

        diagnostics.Select(d => (d.Column, d.Message)).ShouldBe([
            (19, "orders_90d is a number; \"two\" is text"),
            (29, "orders_90d is a number; false is a boolean"),
        ]);
    }

    [Fact]
    public void Dates_with_and_without_times_fit_date_traits() =>
        Check("last_seen > \"2026-01-31\" and last_seen <= \"2026-02-01T10:30:00+01:00\" and last_seen = \"2026-02-01 10:30\"").ShouldBeEmpty();

    [Fact]
    public void Where_filters_compare_event_properties_which_are_not_traits() =>
        Check("performed \"Order Completed\" where (total > 50 and currency = \"EUR\")").ShouldBeEmpty();

    [Fact]
    public void Several_problems_are_reported_at_once_in_source_order()
    {
        var diagnostics = Check("""
            contry = "ES"
              and orders_90d > "many"
              and consent("sms")
              and in segment "nope"
            """);

        diagnostics.Select(d => (d.Line, d.Message)).ShouldBe([
            (1, "unknown trait \"contry\" — did you mean \"country\"?"),
            (2, "orders_90d is a number; \"many\" is text"),
            (3, "unknown consent purpose \"sms\""),
            (4, "unknown segment \"nope\""),
        ]);
    }

    [Fact]
    public void A_segment_cannot_refer_to_itself()
    {
        Message("in segment \"churned\"", name: "churned").ShouldBe("segment \"churned\" cannot refer to itself");
    }

    [Fact]
    public void A_reference_that_leads_back_through_other_segments_is_a_cycle()
    {
        var diagnostic = Check("lifetime_value > 100 and in segment \"winback\"", name: "churned").ShouldHaveSingleItem();

        diagnostic.Message.ShouldBe("in segment \"winback\" makes a cycle: \"churned\" → \"winback\" → \"big spenders\" → \"churned\"");
        diagnostic.Column.ShouldBe(37);
    }

    [Fact]
    public void Syntax_errors_come_back_unchanged_without_catalog_checks()
    {
        var result = SegmentValidator.Check("ordres_90d >=", Catalog);

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("expected a value after \">=\", found the end of the expression");
        result.Expression.ShouldBeNull();
    }
}
