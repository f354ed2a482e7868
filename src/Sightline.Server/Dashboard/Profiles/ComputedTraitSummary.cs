using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Server.Dashboard.Localization;

namespace Sightline.Server.Dashboard.Profiles;

/// <summary>A computed trait's definition in one line, as the YAML reads: <c>count · Order Completed · last 90 days</c>.</summary>
public static class ComputedTraitSummary
{
    public static string Of(TraitDefinition definition, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(texts);
        var parts = new List<string> { Snake(definition.Aggregation.ToString()) + (definition.Property is { } property ? " " + property.Text : "") };
        parts.Add(definition.Events.Count > 0 ? string.Join(", ", definition.Events) : string.Join(", ", definition.Types.Select(MessageTypes.Name)));
        parts.AddRange(definition.Where.Select(f => $"{f.Path.Text} {Snake(f.Operator.ToString())} {string.Join(", ", f.Operands)}"));
        if (definition.Per is { } per)
        {
            parts.Add("per " + Snake(per.ToString()));
        }

        parts.Add(definition.WindowDays is { } days ? texts.LastDays(days) : texts.AllTime);
        return string.Join(" · ", parts);
    }

    /// <summary>An enum member as the YAML spells it (as the loader reads it): MostFrequent is most_frequent.</summary>
    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
