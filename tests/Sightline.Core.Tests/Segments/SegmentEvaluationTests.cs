using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static bool Evaluate(string text, TestSubject subject)
    {
        var parsed = SegmentParser.Parse(text);
        parsed.Diagnostics.ShouldBeEmpty(string.Join("\n", parsed.Diagnostics));
        return SegmentCompiler.Compile(parsed.Expression!).Evaluate(subject, Now);
    }

    private static TestSubject Profile() => new();

    [Fact]
    public void First_issue_example()
    {
        const string text = """country = "ES" and orders_90d >= 2 and not in segment "churned" """;

        Evaluate(text, Profile().With("country", "ES").With("orders_90d", 2)).ShouldBeTrue();
        Evaluate(text, Profile().With("country", "ES").With("orders_90d", 2).MemberOf("churned")).ShouldBeFalse();
        Evaluate(text, Profile().With("country", "PT").With("orders_90d", 5)).ShouldBeFalse();
        Evaluate(text, Profile().With("country", "ES")).ShouldBeFalse();
    }

    [Fact]
    public void Second_issue_example_counts_matching_events_in_the_window()
    {
        const string text = """performed "Order Completed" at least 3 times in last 30 days where total > 50""";
        var subject = Profile()
            .Performed("Order Completed", Now.AddDays(-1), """{"total": 60}""")
            .Performed("Order Completed", Now.AddDays(-2), """{"total": 70.5}""")
            .Performed("Order Completed", Now.AddDays(-3), """{"total": 20}""")
            .Performed("Order Completed", Now.AddDays(-40), """{"total": 99}""")
            .Performed("Order Refunded", Now.AddDays(-1), """{"total": 99}""");

        Evaluate(text, subject).ShouldBeFalse();
        Evaluate(text, subject.Performed("Order Completed", Now.AddDays(-29), """{"total": "51"}""")).ShouldBeTrue();
    }

    [Fact]
    public void Third_issue_example()
    {
        const string text = """email_opens_month > 4 and consent("email_marketing") and last_seen within 14 days""";
        TestSubject Subject() => Profile().With("email_opens_month", 5).With("last_seen", Now.AddDays(-14));

        Evaluate(text, Subject().Consenting("email_marketing")).ShouldBeTrue();
        Evaluate(text, Subject().Consenting("email_marketing", ConsentState.Denied)).ShouldBeFalse();
        Evaluate(text, Subject()).ShouldBeFalse();
        Evaluate(text, Subject().Consenting("email_marketing").With("last_seen", Now.AddDays(-15))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("country = \"espana\"", true)]
    [InlineData("country = \"ESPAÑA\"", true)]
    [InlineData("country != \"España\"", false)]
    [InlineData("country contains \"PAN\"", true)]
    [InlineData("country starts with \"esp\"", true)]
    [InlineData("country starts with \"pa\"", false)]
    [InlineData("country in [\"Portugal\", \"espana\"]", true)]
    [InlineData("country not in [\"Portugal\", \"espana\"]", false)]
    [InlineData("country < \"F\"", true)]
    [InlineData("city = \"Malaga\"", true)]
    [InlineData("email contains \"@Gmail.com\"", true)]
    [InlineData("email contains \"gmail com\"", false)]
    public void Text_compares_ignoring_case_and_accents_and_nothing_else(string text, bool expected) =>
        Evaluate(text, Profile().With("country", "España").With("city", "Ma\u0301laga").With("email", "ana@gmail.com")).ShouldBe(expected);

    [Theory]
    [InlineData("n = 3", true)]
    [InlineData("n = 3.0", true)]
    [InlineData("n != 3", false)]
    [InlineData("n < 3", false)]
    [InlineData("n <= 3", true)]
    [InlineData("n > 2.5", true)]
    [InlineData("n >= 4", false)]
    [InlineData("n in [1, 3]", true)]
    [InlineData("n = \"3\"", true)]
    [InlineData("text_n > 2", true)]
    [InlineData("text_n = 3", true)]
    [InlineData("flag = true", true)]
    [InlineData("flag != false", true)]
    [InlineData("text_flag = true", true)]
    public void Numbers_and_booleans_compare_by_value_and_read_from_text(string text, bool expected) =>
        Evaluate(text, Profile().With("n", 3).With("text_n", " 3 ").With("flag", true).With("text_flag", "True")).ShouldBe(expected);

    [Theory]
    [InlineData("signed_up = \"2026-01-31\"", true)]
    [InlineData("signed_up before \"2026-01-31\"", false)]
    [InlineData("signed_up before \"2026-02-01\"", true)]
    [InlineData("signed_up after \"2026-01-30\"", true)]
    [InlineData("signed_up after \"2026-01-31\"", false)]
    [InlineData("signed_up <= \"2026-01-31\"", true)]
    [InlineData("signed_up >= \"2026-01-31\"", true)]
    [InlineData("signed_up > \"2026-01-31T18:00:00Z\"", true)]
    [InlineData("signed_up < \"2026-01-31T20:00:00+01:00\"", false)]
    [InlineData("signed_up within 43 days", true)]
    [InlineData("signed_up within 42 days", false)]
    [InlineData("text_date = \"2026-01-31\"", true)]
    [InlineData("text_date within 6 weeks", false)]
    [InlineData("future within 1 day", false)]
    public void Dates_compare_by_day_and_within_counts_back_from_now(string text, bool expected) =>
        Evaluate(text, Profile()
            .With("signed_up", new DateTimeOffset(2026, 1, 31, 19, 30, 0, TimeSpan.Zero))
            .With("text_date", "2026-01-31T08:00:00Z")
            .With("future", Now.AddHours(1))).ShouldBe(expected);

    [Theory]
    [InlineData("tags contains \"VIP\"", true)]
    [InlineData("tags contains \"gold\"", false)]
    [InlineData("tags in [\"gold\", \"newsletter\"]", true)]
    [InlineData("tags not in [\"gold\"]", true)]
    [InlineData("tags contains 3", true)]
    [InlineData("empty exists", false)]
    public void Lists_match_by_element(string text, bool expected) =>
        Evaluate(text, Profile()
            .With("tags", SegmentValue.List([SegmentValue.Text("vip"), SegmentValue.Text("Newsletter"), SegmentValue.Number(3)]))
            .With("empty", SegmentValue.List([]))).ShouldBe(expected);

    [Theory]
    [InlineData("missing = \"x\"", false)]
    [InlineData("missing != \"x\"", false)]
    [InlineData("missing not in [\"x\"]", false)]
    [InlineData("missing < 3", false)]
    [InlineData("missing exists", false)]
    [InlineData("missing not exists", true)]
    [InlineData("not missing = \"x\"", true)]
    [InlineData("not missing != \"x\"", true)]
    [InlineData("blank exists", false)]
    [InlineData("blank = \"\"", false)]
    public void A_missing_or_blank_value_fails_every_comparison_and_not_flips_the_result(string text, bool expected) =>
        Evaluate(text, Profile().With("blank", "  ")).ShouldBe(expected);

    [Fact]
    public void Event_counts_and_windows()
    {
        var subject = Profile()
            .Performed("Login", Now.AddHours(-1))
            .Performed("Login", Now.AddHours(-30))
            .Performed("Login", Now.AddDays(-10))
            .Performed("Login", Now.AddDays(1));

        Evaluate("performed \"Login\"", subject).ShouldBeTrue();
        Evaluate("performed \"login\"", subject).ShouldBeFalse();
        Evaluate("performed \"Login\" exactly 3 times", subject).ShouldBeTrue();
        Evaluate("performed \"Login\" at most 2 times", subject).ShouldBeFalse();
        Evaluate("performed \"Login\" at most 1 time in last 24 hours", subject).ShouldBeTrue();
        Evaluate("performed \"Login\" at least 2 times in last 2 days", subject).ShouldBeTrue();
        Evaluate("not performed \"Login\" in last 1 week", subject).ShouldBeFalse();
        Evaluate("not performed \"Logout\"", subject).ShouldBeTrue();
        Evaluate("performed \"Login\" exactly 0 times in last 1 hour", Profile()).ShouldBeTrue();
    }

    [Fact]
    public void Where_filters_read_nested_lists_and_dotted_keys()
    {
        var subject = Profile().Performed("Order Completed", Now.AddDays(-1),
            """{"total": 80, "currency": "eur", "shipping": {"country": "ES"}, "skus": ["A1", "B2"], "coupon": null, "store.id": "s9"}""");

        Evaluate("performed \"Order Completed\" where (currency = \"EUR\" and shipping.country = \"es\")", subject).ShouldBeTrue();
        Evaluate("performed \"Order Completed\" where skus contains \"b2\"", subject).ShouldBeTrue();
        Evaluate("performed \"Order Completed\" where coupon exists", subject).ShouldBeFalse();
        Evaluate("performed \"Order Completed\" where not coupon exists", subject).ShouldBeTrue();
        Evaluate("performed \"Order Completed\" where store.id = \"S9\"", subject).ShouldBeTrue();
        Evaluate("performed \"Order Completed\" where (total > 100 or shipping.country in [\"PT\"])", subject).ShouldBeFalse();
    }

    [Fact]
    public void Counting_stops_once_the_answer_is_known_and_and_short_circuits()
    {
        var subject = Profile();
        for (var i = 0; i < 10; i++)
        {
            subject.Performed("View", Now.AddMinutes(-i));
        }

        var compiled = SegmentCompiler.Compile(SegmentParser.Parse("x = 1 and performed \"View\"").Expression!);

        compiled.Evaluate(subject, Now).ShouldBeFalse();
        subject.EventQueries.ShouldBe(0);
        compiled.Events.ShouldHaveSingleItem().EventName.ShouldBe("View");
    }

    [Fact]
    public void Evaluating_a_compiled_segment_allocates_nothing()
    {
        var subject = Profile().With("country", "España").With("orders_90d", 3).With("last_seen", Now.AddDays(-2)).Consenting("email_marketing")
            .With("tags", SegmentValue.List([SegmentValue.Text("vip")]));
        var compiled = SegmentCompiler.Compile(SegmentParser.Parse("""
            (country = "espana" or country in ["PT", "FR"]) and orders_90d >= 2 and last_seen within 14 days
              and consent("email_marketing") and not in segment "churned" and tags contains "VIP" and city not exists
            """).Expression!);
        compiled.Evaluate(subject, Now).ShouldBeTrue();

        Allocations.Least(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                compiled.Evaluate(subject, Now);
            }
        }).ShouldBe(0);
    }
}
