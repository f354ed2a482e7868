using System.Globalization;

namespace Sightline.Core.Segments;

/// <summary>
/// Checks a parsed expression against a <see cref="SegmentCatalog"/>: unknown traits, segments, consent purposes and
/// events (with "did you mean" suggestions), comparisons that do not fit a trait's type, and references that would
/// make a segment depend on itself. Every problem found is reported, not only the first.
/// </summary>
public static class SegmentValidator
{
    /// <summary>Parses and validates <paramref name="text"/>; see <see cref="Validate"/>.</summary>
    public static SegmentParseResult Check(string? text, SegmentCatalog catalog, string? segmentName = null) =>
        Validate(SegmentParser.Parse(text), catalog, segmentName);

    /// <summary>
    /// The parse result with the catalog's diagnostics added. <paramref name="segmentName"/>, when given, is the name the
    /// expression is saved under: referring to it, directly or through the catalog's segments, is an error.
    /// </summary>
    public static SegmentParseResult Validate(SegmentParseResult parsed, SegmentCatalog catalog, string? segmentName = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(catalog);
        if (parsed.Expression is not { } expression)
        {
            return parsed;
        }

        var found = new List<SegmentDiagnostic>(parsed.Diagnostics);
        var context = new Context(parsed, catalog, found);
        foreach (var (node, inFilter) in SegmentNodes.All(expression, intoFilters: true))
        {
            switch (node)
            {
                case Comparison or ExistsCheck or WithinCheck when !inFilter:
                    context.CheckTrait(node);
                    break;
                case EventCondition performed when catalog.EventNames.Count > 0 && !catalog.EventNames.Contains(performed.EventName):
                    context.Warn(performed, $"no \"{performed.EventName}\" event has been seen yet{Suggestions.DidYouMean(performed.EventName, catalog.EventNames)}");
                    break;
                case SegmentReference reference:
                    context.CheckSegment(reference, segmentName);
                    break;
                case ConsentCheck consent when !catalog.ConsentPurposes.Contains(consent.Purpose):
                    context.Error(consent, $"unknown consent purpose \"{consent.Purpose}\"{Suggestions.DidYouMean(consent.Purpose, catalog.ConsentPurposes)}");
                    break;
            }
        }

        var ordered = found.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();
        return new SegmentParseResult(expression, ordered, parsed.Source, parsed.Spans);
    }

    private sealed class Context(SegmentParseResult parsed, SegmentCatalog catalog, List<SegmentDiagnostic> found)
    {
        public void Error(object node, string message) => Add(DiagnosticSeverity.Error, node, message);

        public void Warn(object node, string message) => Add(DiagnosticSeverity.Warning, node, message);

        public void CheckSegment(SegmentReference reference, string? segmentName)
        {
            var name = reference.SegmentName;
            if (segmentName is not null && name == segmentName)
            {
                Error(reference, $"segment \"{name}\" cannot refer to itself");
                return;
            }

            if (!catalog.Segments.ContainsKey(name))
            {
                Error(reference, $"unknown segment \"{name}\"{Suggestions.DidYouMean(name, catalog.Segments.Keys.Where(k => k != segmentName))}");
                return;
            }

            if (segmentName is not null && SegmentCycles.Path(name, segmentName, catalog.Segments) is { } chain)
            {
                Error(reference, $"in segment \"{name}\" makes a cycle: {string.Join(" → ", chain.Prepend(segmentName).Select(n => $"\"{n}\""))}");
            }
        }

        public void CheckTrait(SegmentExpression node)
        {
            var name = SegmentNodes.NameOf(node)!;
            if (!catalog.TryGetTrait(name, out var type))
            {
                // Close to a known name, it is a typo; otherwise it may be a trait no source has sent yet.
                var known = catalog.Traits.Keys.Concat(catalog.ComputedTraits.Keys).ToList();
                if (Suggestions.DidYouMean(name, known) is { Length: > 0 } suggestion)
                {
                    Error(node, $"unknown trait \"{name}\"{suggestion}");
                }
                else
                {
                    Warn(node, $"no profile has a trait \"{name}\" yet: this condition holds for no one until one does");
                }

                return;
            }

            switch (node)
            {
                case WithinCheck when type != TraitType.Date:
                    Error(node, $"\"within\" applies to dates; {name} is {Describe(type)}");
                    break;
                case Comparison comparison:
                    CheckComparison(comparison, type);
                    break;
            }
        }

        private void CheckComparison(Comparison comparison, TraitType type)
        {
            var (name, op) = (comparison.Name, comparison.Operator);
            var word = $"\"{SegmentPrinter.Operator(op)}\"";
            var fits = type switch
            {
                TraitType.Number => op is not (ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.Before or ComparisonOperator.After),
                TraitType.Text => op is not (ComparisonOperator.Before or ComparisonOperator.After),
                TraitType.Boolean => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual or ComparisonOperator.In or ComparisonOperator.NotIn,
                TraitType.Date => op is not (ComparisonOperator.Contains or ComparisonOperator.StartsWith),
                _ => op is ComparisonOperator.Contains or ComparisonOperator.In or ComparisonOperator.NotIn,
            };
            if (!fits)
            {
                Error(comparison, type switch
                {
                    TraitType.List => $"{name} is a list; use contains, in or not in",
                    _ when op is ComparisonOperator.Before or ComparisonOperator.After => $"{word} applies to dates; {name} is {Describe(type)}",
                    _ => $"{word} does not apply to {name}, {Describe(type)}",
                });
                return;
            }

            var items = comparison.Value is ListLiteral list ? list.Items : [comparison.Value];
            foreach (var item in items)
            {
                if (Mismatch(name, type, item) is { } message)
                {
                    Error(item, message);
                }
            }
        }

        private static string? Mismatch(string name, TraitType type, SegmentLiteral literal)
        {
            var shown = SegmentPrinter.Print(literal);
            return (type, literal) switch
            {
                (TraitType.List, _) => null,
                (TraitType.Number, NumberLiteral) or (TraitType.Text, TextLiteral) or (TraitType.Boolean, BooleanLiteral) => null,
                (TraitType.Date, TextLiteral text) when SegmentDates.TryParse(text.Value, out _, out _) => null,
                (TraitType.Date, TextLiteral) => $"{name} is a date; {shown} is not a date such as \"2026-01-31\" or \"2026-01-31T10:00:00Z\"",
                (TraitType.Number, TextLiteral text) when double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) =>
                    $"{name} is a number; {shown} is text — write {text.Value.Trim()} without quotes",
                (TraitType.Text, NumberLiteral) => $"{name} is text; {shown} is a number — write \"{shown}\" in quotes",
                _ => $"{name} is {Describe(type)}; {shown} is {Describe(literal)}",
            };
        }

        private static string Describe(TraitType type) => type switch
        {
            TraitType.Number => "a number",
            TraitType.Boolean => "a boolean",
            TraitType.Date => "a date",
            TraitType.List => "a list",
            _ => "text",
        };

        private static string Describe(SegmentLiteral literal) => literal switch
        {
            NumberLiteral => "a number",
            BooleanLiteral => "a boolean",
            ListLiteral => "a list",
            _ => "text",
        };

        private void Add(DiagnosticSeverity severity, object node, string message)
        {
            var span = parsed.Spans.TryGetValue(node, out var known) ? known : new SourceSpan(0, parsed.Source.Text.Length);
            found.Add(parsed.Source.Diagnostic(severity, span, message));
        }
    }
}
