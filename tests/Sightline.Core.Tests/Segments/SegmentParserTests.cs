using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentParserTests
{
    private static SegmentExpression Parse(string text)
    {
        var result = SegmentParser.Parse(text);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Succeeded.ShouldBeTrue();
        return result.Expression!;
    }

    private static Comparison Compare(string name, ComparisonOperator op, SegmentLiteral value) => new(name, op, value);

    [Fact]
    public void First_issue_example_parses_into_and_of_three()
    {
        Parse("""country = "ES" and orders_90d >= 2 and not in segment "churned" """).ShouldBe(new AllOf([
            Compare("country", ComparisonOperator.Equal, new TextLiteral("ES")),
            Compare("orders_90d", ComparisonOperator.GreaterOrEqual, new NumberLiteral(2)),
            new Negation(new SegmentReference("churned")),
        ]));
    }

    [Fact]
    public void Second_issue_example_is_an_event_condition_with_count_window_and_filter()
    {
        Parse("""performed "Order Completed" at least 3 times in last 30 days where total > 50""").ShouldBe(
            new EventCondition("Order Completed", new EventCount(CountKind.AtLeast, 3), new TimeWindow(30, TimeUnit.Days),
                Compare("total", ComparisonOperator.Greater, new NumberLiteral(50))));
    }

    [Fact]
    public void Third_issue_example_mixes_a_computed_trait_consent_and_within()
    {
        Parse("""email_opens_month > 4 and consent("email_marketing") and last_seen within 14 days""").ShouldBe(new AllOf([
            Compare("email_opens_month", ComparisonOperator.Greater, new NumberLiteral(4)),
            new ConsentCheck("email_marketing"),
            new WithinCheck("last_seen", new TimeWindow(14, TimeUnit.Days)),
        ]));
    }

    [Theory]
    [InlineData("x = 1", ComparisonOperator.Equal)]
    [InlineData("x == 1", ComparisonOperator.Equal)]
    [InlineData("x != 1", ComparisonOperator.NotEqual)]
    [InlineData("x <> 1", ComparisonOperator.NotEqual)]
    [InlineData("x < 1", ComparisonOperator.Less)]
    [InlineData("x <= 1", ComparisonOperator.LessOrEqual)]
    [InlineData("x > 1", ComparisonOperator.Greater)]
    [InlineData("x >= 1", ComparisonOperator.GreaterOrEqual)]
    [InlineData("x contains 1", ComparisonOperator.Contains)]
    [InlineData("x STARTS WITH 1", ComparisonOperator.StartsWith)]
    [InlineData("x before 1", ComparisonOperator.Before)]
    [InlineData("x After 1", ComparisonOperator.After)]
    public void Each_comparison_operator_parses(string text, ComparisonOperator op) =>
        Parse(text).ShouldBe(Compare("x", op, new NumberLiteral(1)));

    [Fact]
    public void Values_are_text_numbers_booleans_and_lists()
    {
        Parse("""a = "it's \"quoted\" \\ \u00e9" """).ShouldBe(Compare("a", ComparisonOperator.Equal, new TextLiteral("it's \"quoted\" \\ é")));
        Parse("a = 'single'").ShouldBe(Compare("a", ComparisonOperator.Equal, new TextLiteral("single")));
        Parse("a = -12.5e2").ShouldBe(Compare("a", ComparisonOperator.Equal, new NumberLiteral(-1250)));
        Parse("a = TRUE").ShouldBe(Compare("a", ComparisonOperator.Equal, new BooleanLiteral(true)));
        Parse("""a in ["ES", 2, false]""").ShouldBe(Compare("a", ComparisonOperator.In,
            new ListLiteral([new TextLiteral("ES"), new NumberLiteral(2), new BooleanLiteral(false)])));
        Parse("a not in []").ShouldBe(Compare("a", ComparisonOperator.NotIn, new ListLiteral([])));
    }

    [Fact]
    public void Dates_are_written_as_text()
    {
        Parse("""signed_up before "2026-01-31" """).ShouldBe(Compare("signed_up", ComparisonOperator.Before, new TextLiteral("2026-01-31")));
    }

    [Fact]
    public void Exists_and_not_exists()
    {
        Parse("email exists").ShouldBe(new ExistsCheck("email"));
        Parse("email not exists").ShouldBe(new Negation(new ExistsCheck("email")));
    }

    [Fact]
    public void Dotted_names_read_as_one_trait() =>
        Parse("""address.city = "Madrid" """).ShouldBe(Compare("address.city", ComparisonOperator.Equal, new TextLiteral("Madrid")));

    [Fact]
    public void Event_conditions_take_counts_windows_and_filters_in_any_order()
    {
        Parse("""performed "Login" """).ShouldBe(new EventCondition("Login", null, null, null));
        Parse("""not performed "Login" in last 12 hours""").ShouldBe(new Negation(new EventCondition("Login", null, new TimeWindow(12, TimeUnit.Hours), null)));
        Parse("""performed "Login" in the last 2 weeks exactly 1 time""").ShouldBe(
            new EventCondition("Login", new EventCount(CountKind.Exactly, 1), new TimeWindow(2, TimeUnit.Weeks), null));
        Parse("""performed "Login" where device = "ios" at most 4""").ShouldBe(
            new EventCondition("Login", new EventCount(CountKind.AtMost, 4), null, Compare("device", ComparisonOperator.Equal, new TextLiteral("ios"))));
    }

    [Fact]
    public void A_where_filter_in_parentheses_takes_and_or_not()
    {
        var parsed = Parse("""performed "Order Completed" where (total > 50 and (currency = "EUR" or not coupon exists)) and vip = true""");

        parsed.ShouldBe(new AllOf([
            new EventCondition("Order Completed", null, null, new AllOf([
                Compare("total", ComparisonOperator.Greater, new NumberLiteral(50)),
                new AnyOf([Compare("currency", ComparisonOperator.Equal, new TextLiteral("EUR")), new Negation(new ExistsCheck("coupon"))]),
            ])),
            Compare("vip", ComparisonOperator.Equal, new BooleanLiteral(true)),
        ]));
    }

    [Fact]
    public void Without_parentheses_a_where_filter_is_one_condition()
    {
        Parse("""performed "Order Completed" where total > 50 and country = "ES" """).ShouldBe(new AllOf([
            new EventCondition("Order Completed", null, null, Compare("total", ComparisonOperator.Greater, new NumberLiteral(50))),
            Compare("country", ComparisonOperator.Equal, new TextLiteral("ES")),
        ]));
    }

    [Fact]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or()
    {
        var (a, b, c) = (new ExistsCheck("a"), new ExistsCheck("b"), new ExistsCheck("c"));

        Parse("a exists or b exists and not c exists").ShouldBe(new AnyOf([a, new AllOf([b, new Negation(c)])]));
        Parse("not a exists and b exists").ShouldBe(new AllOf([new Negation(a), b]));
        Parse("(a exists or b exists) and c exists").ShouldBe(new AllOf([new AnyOf([a, b]), c]));
        Parse("not (a exists or b exists)").ShouldBe(new Negation(new AnyOf([a, b])));
    }

    [Fact]
    public void Keywords_ignore_case_and_comments_and_lines_are_free()
    {
        var text = """
            # Spanish buyers who came back
            Country = "ES"   # the trait name keeps its case
              AND Performed "Order Completed"
                  AT LEAST 2 TIMES IN LAST 30 DAYS
            OR In Segment "vip"
            """;

        Parse(text).ShouldBe(new AnyOf([
            new AllOf([
                Compare("Country", ComparisonOperator.Equal, new TextLiteral("ES")),
                new EventCondition("Order Completed", new EventCount(CountKind.AtLeast, 2), new TimeWindow(30, TimeUnit.Days), null),
            ]),
            new SegmentReference("vip"),
        ]));
    }

    [Fact]
    public void Words_that_are_keywords_elsewhere_can_name_traits() =>
        Parse("days > 3 and last = \"x\" and performed = 1").ShouldBe(new AllOf([
            Compare("days", ComparisonOperator.Greater, new NumberLiteral(3)),
            Compare("last", ComparisonOperator.Equal, new TextLiteral("x")),
            Compare("performed", ComparisonOperator.Equal, new NumberLiteral(1)),
        ]));

    [Fact]
    public void Printing_is_canonical_and_parses_back()
    {
        var text = """COUNTRY = 'ES' and (a exists OR NOT b > 1.50) AND performed "X" where (p = 1 or q = 2) IN LAST 1 DAY at least 1 times""";

        var printed = SegmentPrinter.Print(Parse(text));

        printed.ShouldBe("""COUNTRY = "ES" and (a exists or not b > 1.5) and performed "X" at least 1 time in last 1 day where (p = 1 or q = 2)""");
        Parse(printed).ShouldBe(Parse(text));
    }
}
