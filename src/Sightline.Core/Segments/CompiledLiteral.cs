using System.Globalization;

namespace Sightline.Core.Segments;

/// <summary>
/// A literal with every reading prepared once at compile time — folded text, number, boolean, date range — so that
/// evaluation only picks the one matching the value's kind.
/// </summary>
internal sealed class CompiledLiteral
{
    private CompiledLiteral(SegmentValueKind kind, string folded)
    {
        Kind = kind;
        Folded = folded;
    }

    public SegmentValueKind Kind { get; }

    public string Folded { get; }

    public double? Number { get; private init; }

    public bool? Boolean { get; private init; }

    public bool IsDate { get; private init; }

    public DateTimeOffset DateStart { get; private init; }

    public DateTimeOffset DateEnd { get; private init; }

    public CompiledLiteral[] Items { get; private init; } = [];

    public static CompiledLiteral From(SegmentLiteral literal)
    {
        switch (literal)
        {
            case TextLiteral text:
                var isDate = SegmentDates.TryParse(text.Value, out var start, out var end);
                return new CompiledLiteral(SegmentValueKind.Text, TextMatch.Fold(text.Value))
                {
                    Number = double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null,
                    Boolean = bool.TryParse(text.Value, out var b) ? b : null,
                    IsDate = isDate,
                    DateStart = start,
                    DateEnd = end,
                };
            case NumberLiteral number:
                return new CompiledLiteral(SegmentValueKind.Number, number.Value.ToString("R", CultureInfo.InvariantCulture)) { Number = number.Value };
            case BooleanLiteral boolean:
                return new CompiledLiteral(SegmentValueKind.Boolean, boolean.Value ? "true" : "false") { Boolean = boolean.Value };
            case ListLiteral list:
                return new CompiledLiteral(SegmentValueKind.List, string.Empty) { Items = [.. list.Items.Select(From)] };
            default:
                throw new ArgumentException($"unknown literal {literal?.GetType().Name}", nameof(literal));
        }
    }
}
