using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

public sealed class SegmentDiagnosticsTests
{
    private static SegmentDiagnostic Single(string text)
    {
        var result = SegmentParser.Parse(text);
        result.Expression.ShouldBeNull();
        result.Succeeded.ShouldBeFalse();
        return result.Diagnostics.ShouldHaveSingleItem();
    }

    [Fact]
    public void Unterminated_string_points_at_its_opening_quote()
    {
        var diagnostic = Single("country = \"ES");

        diagnostic.ShouldBe(new SegmentDiagnostic(DiagnosticSeverity.Error, 1, 11, 3, "unterminated string: add a closing \""));
        diagnostic.ToString().ShouldBe("1:11: error: unterminated string: add a closing \"");
    }

    [Fact]
    public void A_string_ends_at_the_end_of_its_line()
    {
        var diagnostic = Single("a = \"x\nand b = 1");

        (diagnostic.Line, diagnostic.Column).ShouldBe((1, 5));
        diagnostic.Message.ShouldStartWith("unterminated string");
    }

    [Fact]
    public void Missing_count_after_at_least_is_named()
    {
        var diagnostic = Single("performed \"Order Completed\" at least times");

        diagnostic.Message.ShouldBe("expected a number after \"at least\", found \"times\"");
        (diagnostic.Line, diagnostic.Column, diagnostic.Length).ShouldBe((1, 38, 5));
    }

    [Fact]
    public void Positions_count_lines_and_columns_from_one()
    {
        var diagnostic = Single("country = \"ES\"\n  and orders >= \n");

        diagnostic.Message.ShouldBe("expected a value after \">=\", found the end of the expression");
        (diagnostic.Line, diagnostic.Column).ShouldBe((3, 1));
    }

    [Theory]
    [InlineData("", "the expression is empty: write a condition such as country = \"ES\"")]
    [InlineData("  # only a comment", "the expression is empty: write a condition such as country = \"ES\"")]
    [InlineData("country = ES", "expected a value after \"=\": put text in quotes, as in \"ES\"")]
    [InlineData("country", "expected an operator after \"country\" (=, !=, <, <=, >, >=, contains, starts with, in, not in, exists, not exists, within, before, after), found the end of the expression")]
    [InlineData("\"country\" = 1", "expected a condition, found the text \"country\": trait names are written without quotes")]
    [InlineData("a = 1 b = 2", "expected \"and\" or \"or\" before \"b\"")]
    [InlineData("a = 1)", "unexpected \")\": there is no \"(\" to close")]
    [InlineData("(a = 1", "expected \")\" to close the \"(\" at line 1, column 1, found the end of the expression")]
    [InlineData("a = [1]", "a list goes with \"in\": write a in [...]")]
    [InlineData("a in 1", "expected a list such as [\"ES\", \"PT\"] after \"in\", found \"1\"")]
    [InlineData("a in [1 2]", "expected \",\" or \"]\" in the list, found \"2\"")]
    [InlineData("a starts \"x\"", "expected \"with\" after \"starts\", found \"x\"")]
    [InlineData("a within 0 days", "expected a whole number from 1 to 1,000,000 after \"within\", found 0")]
    [InlineData("a within 3 months", "expected \"days\", \"hours\" or \"weeks\" after 3, found \"months\"")]
    [InlineData("performed Login", "expected an event name in quotes after \"performed\", found \"Login\"")]
    [InlineData("performed \"X\" at 3 times", "expected \"least\" or \"most\" after \"at\", found \"3\"")]
    [InlineData("performed \"X\" at least 2.5 times", "expected a whole number from 0 to 1,000,000 after \"at least\", found 2.5")]
    [InlineData("performed \"X\" in last 30", "expected \"days\", \"hours\" or \"weeks\" after 30, found the end of the expression")]
    [InlineData("performed \"X\" where in segment \"y\"", "a where filter compares the event's properties; \"in\" cannot be used inside it")]
    [InlineData("performed \"X\" at least 1 exactly 2", "the number of times is given twice")]
    [InlineData("in segment vip", "expected an existing segment's name in quotes after \"in segment\", found \"vip\"")]
    [InlineData("consent(email)", "expected a consent purpose in quotes, as in consent(\"email_marketing\"), found \"email\"")]
    [InlineData("consent(\"email\"", "expected \")\" after consent(\"email\"")]
    [InlineData("a = 1 and", "expected a condition, found the end of the expression")]
    [InlineData("a = 1 and or b = 2", "expected a condition, found \"or\"")]
    [InlineData("a ! 1", "unexpected \"!\": write != for \"different from\", or not before a condition")]
    [InlineData("a = 30days", "\"30days\" is not a number; put a space between a number and a word")]
    [InlineData("a = 1e999", "1e999 is out of range for a number")]
    [InlineData("a = \"x\\q\"", "unknown escape \"\\q\" in a string: use \\\" for a quote and \\\\ for a backslash")]
    [InlineData("a = “x”", "use straight quotes (\"…\") around text, not “")]
    [InlineData("a % 1", "unexpected character \"%\"")]
    public void Syntax_errors_have_helpful_messages(string text, string message)
    {
        var result = SegmentParser.Parse(text);

        result.Expression.ShouldBeNull();
        result.Diagnostics[0].Message.ShouldBe(message);
        result.Diagnostics.ShouldAllBe(d => d.Line >= 1 && d.Column >= 1 && d.Length >= 1);
    }

    [Fact]
    public void Several_syntax_errors_are_reported_in_one_pass()
    {
        var result = SegmentParser.Parse("country = ES and orders >= and (city = \"Madrid\" or zip) and name = \"x");

        result.Diagnostics.Select(d => d.Message).ShouldBe([
            "expected a value after \"=\": put text in quotes, as in \"ES\"",
            "expected a value after \">=\", found \"and\"",
            "expected an operator after \"zip\" (=, !=, <, <=, >, >=, contains, starts with, in, not in, exists, not exists, within, before, after), found \")\"",
            "unterminated string: add a closing \"",
        ]);
        result.Diagnostics.Select(d => d.Column).ShouldBe([11, 28, 55, 68]);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_without_overflowing_the_stack()
    {
        var result = SegmentParser.Parse(new string('(', 5_000) + "a = 1" + new string(')', 5_000));

        result.Expression.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Message.Contains("nests deeper than 64"));
    }

    [Fact]
    public void Overlong_input_is_refused()
    {
        var result = SegmentParser.Parse(string.Concat(Enumerable.Repeat("a = 1 and ", 3_000)) + "a = 1");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("the expression is 30,005 characters long; the limit is 20,000");
    }

    [Fact]
    public void Too_many_conditions_are_refused()
    {
        var result = SegmentParser.Parse(string.Join(" or ", Enumerable.Repeat("a=1", 1_200)));

        result.Diagnostics.ShouldContain(d => d.Message == "the expression has more than 1,000 conditions");
    }
}
