using CsCheck;
using Sightline.Core.Segments;

namespace Sightline.Core.Tests.Segments;

/// <summary>
/// The parser against generated trees and hostile text: printing any tree and parsing it back gives the same tree,
/// and no input makes the parser, the validator, the printer or the compiler throw.
/// </summary>
public sealed class SegmentLanguageProperties
{
    private const long Iterations = 2_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "segment", "performed", "consent", "contains", "starts", "with", "exists", "within", "before",
        "after", "true", "false", "at", "least", "most", "exactly", "times", "time", "last", "the", "days", "day", "hours", "hour",
        "weeks", "week", "where",
    };

    private static readonly Gen<string> Word = Gen.OneOf(Gen.Char['a', 'z'], Gen.Const('_'), Gen.OneOf(Gen.Const('é'), Gen.Const('ß')))
        .Array[1, 8].Select(Gen.Char['0', '9'].Array[0, 2], (letters, digits) => new string(letters) + new string(digits))
        .Where(w => !Keywords.Contains(w));

    private static readonly Gen<string> Name = Gen.OneOf(Word, Word.Select(Word, (a, b) => a + "." + b));

    private static readonly Gen<SegmentLiteral> Scalar = Gen.OneOf<SegmentLiteral>(
        Gen.String.Select(s => (SegmentLiteral)new TextLiteral(s)),
        Gen.Double.Where(double.IsFinite).Select(d => (SegmentLiteral)new NumberLiteral(d)),
        Gen.Int.Select(i => (SegmentLiteral)new NumberLiteral(i)),
        Gen.Bool.Select(b => (SegmentLiteral)new BooleanLiteral(b)));

    private static readonly Gen<ComparisonOperator> ScalarOperator = Gen.Enum<ComparisonOperator>()
        .Where(op => op is not (ComparisonOperator.In or ComparisonOperator.NotIn));

    private static readonly Gen<TimeWindow> Window = Gen.Select(Gen.Int[1, 1_000], Gen.Enum<TimeUnit>(), (n, unit) => new TimeWindow(n, unit));

    private static readonly Gen<SegmentExpression> Condition = Gen.OneOf(
        Gen.Select(Name, ScalarOperator, Scalar, (n, op, v) => (SegmentExpression)new Comparison(n, op, v)),
        Gen.Select(Name, Gen.Bool, Scalar.Array[0, 4],
            (n, not, items) => (SegmentExpression)new Comparison(n, not ? ComparisonOperator.NotIn : ComparisonOperator.In, new ListLiteral(items))),
        Name.Select(n => (SegmentExpression)new ExistsCheck(n)),
        Gen.Select(Name, Window, (n, w) => (SegmentExpression)new WithinCheck(n, w)));

    private static readonly Gen<SegmentExpression> Filter = Tree(Condition, 2);

    private static readonly Gen<EventCount?> Count = Gen.OneOf(
        Gen.Const((EventCount?)null),
        Gen.Select(Gen.Enum<CountKind>(), Gen.Int[0, 1_000], (kind, n) => (EventCount?)new EventCount(kind, n)));

    private static readonly Gen<SegmentExpression> Leaf = Gen.OneOf(
        Condition,
        Gen.String.Select(s => (SegmentExpression)new SegmentReference(s)),
        Gen.String.Select(s => (SegmentExpression)new ConsentCheck(s)),
        Gen.Select(Gen.String, Count, Gen.OneOf(Gen.Const((TimeWindow?)null), Window.Select(w => (TimeWindow?)w)),
            Gen.OneOf(Gen.Const((SegmentExpression?)null), Filter.Select(f => (SegmentExpression?)f)),
            (name, count, window, where) => (SegmentExpression)new EventCondition(name, count, window, where)));

    private static readonly Gen<SegmentExpression> Expression = Tree(Leaf, 3);

    private static readonly string[] Pieces =
    [
        "(", ")", "[", "]", ",", "\"", "'", "\\", "=", "==", "!=", "!", "<", "<=", ">", ">=", "<>", "and", "OR", "not", "in", "segment",
        "performed", "\"Order Completed\"", "at", "least", "most", "exactly", "0", "3", "-1.5e3", "1e999", "2.5", "times", "in last",
        "the", "days", "hours", "where", "contains", "starts", "with", "exists", "within", "before", "after", "consent", "consent(",
        "true", "FALSE", "country", "a.b", "a.", ".b", "#", "\n", "\r", " ", "\t", "\u0301", "\uD800", "“", "30days", "\"2026-01-31\"",
        "\"\\u00e9\"", "\"\\q\"", "\u0000", "ß", "_", "-",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 60].Select(chars => new string(chars)),
        Gen.OneOf(Pieces).Array[0, 25].Select(parts => string.Join(' ', parts)),
        Gen.OneOf(Pieces).Array[0, 40].Select(parts => string.Concat(parts)));

    private static readonly SegmentCatalog Catalog = SegmentValidatorTests.Catalog;

    private static Gen<SegmentExpression> Tree(Gen<SegmentExpression> leaf, int depth)
    {
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Tree(leaf, depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (1, inner.Array[2, 4].Select(items => (SegmentExpression)new AllOf(items))),
            (1, inner.Array[2, 4].Select(items => (SegmentExpression)new AnyOf(items))),
            (1, inner.Select(item => (SegmentExpression)new Negation(item))));
    }

    [Fact]
    public void Printing_then_parsing_gives_the_same_tree() =>
        Expression.Sample(expression =>
        {
            var text = SegmentPrinter.Print(expression);
            var parsed = SegmentParser.Parse(text);
            parsed.Diagnostics.ShouldBeEmpty(text);
            parsed.Expression.ShouldBe(expression, text);
        }, iter: Iterations);

    [Fact]
    public void Hostile_text_never_throws_and_what_parses_prints_back_to_itself() =>
        Hostile.Sample(text =>
        {
            var result = SegmentValidator.Check(text, Catalog, "winback");
            result.Diagnostics.ShouldAllBe(d => d.Line >= 1 && d.Column >= 1 && d.Length >= 1 && d.Message.Length > 0);
            if (result.Expression is { } expression)
            {
                SegmentParser.Parse(SegmentPrinter.Print(expression)).Expression.ShouldBe(expression);
                SegmentCompiler.Compile(expression).Evaluate(new TestSubject().With("country", "ES"), Now);
            }
            else
            {
                result.Diagnostics.ShouldContain(d => d.Severity == DiagnosticSeverity.Error);
            }
        }, iter: Iterations * 5);

    [Fact]
    public void Generated_segments_evaluate_without_throwing_on_odd_values() =>
        Gen.Select(Expression, Gen.String, Gen.Double, (expression, text, number) => (expression, text, number)).Sample(sample =>
        {
            var subject = new TestSubject().Performed(sample.text, Now.AddDays(-1), """{"a": [1, "x", null], "b": {"c": "2026-01-31"}}""");
            foreach (var name in SegmentDependencies.Of(sample.expression).Traits)
            {
                subject.With(name, name.Length % 2 == 0 ? SegmentValue.Text(sample.text) : SegmentValue.Number(sample.number));
            }

            SegmentCompiler.Compile(sample.expression).Evaluate(subject, Now);
        }, iter: Iterations);
}
