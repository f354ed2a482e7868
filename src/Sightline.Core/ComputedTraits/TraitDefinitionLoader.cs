using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sightline.Core.Events;
using Sightline.Core.Import;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// Reads computed trait definitions from YAML or JSON (a <c>traits:</c> list, docs/computed-traits.md) and from the
/// shipped defaults, and says exactly what is wrong: every error names the trait and the key.
/// </summary>
public static partial class TraitDefinitionLoader
{
    /// <summary>The longest window, in days: one tally per day, so this bounds a state's size.</summary>
    public const int MaxWindowDays = 730;

    private const string DefaultsResource = "Sightline.Core.ComputedTraits.Defaults.computed-traits.yaml";

    private static readonly string[] Keys = ["name", "description", "aggregation", "type", "event", "where", "property", "window_days", "per"];

    // The names people write are the enum members in snake_case: most_frequent, active_day, gte.
    private static readonly Dictionary<string, Aggregation> Aggregations = Names<Aggregation>();
    private static readonly Dictionary<string, RatePeriod> Periods = Names<RatePeriod>();
    private static readonly Dictionary<string, FilterOperator> Operators = Names<FilterOperator>();

    /// <summary>The definitions shipped for the demo retailer's data (orders_90d, lifetime_value, …).</summary>
    public static TraitDefinitionsResult Defaults() => Parse(DefaultsText(), "defaults");

    /// <summary>The shipped defaults as YAML, to show or copy.</summary>
    public static string DefaultsText()
    {
        using var stream = typeof(TraitDefinitionLoader).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"The resource {DefaultsResource} is missing from the build.");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Reads a YAML or JSON file of definitions.</summary>
    public static TraitDefinitionsResult Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : Fail($"{path}: no such file");

    /// <summary>Parses YAML (JSON is YAML too) and validates every definition; <paramref name="origin"/> starts each error.</summary>
    public static TraitDefinitionsResult Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? root;
        try
        {
            root = MappingLoader.ToJson(new DeserializerBuilder().Build().Deserialize(new StringReader(text)));
        }
        catch (YamlException e)
        {
            return Fail($"{origin}: line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }

        if (root is not JsonObject document || document.Any(p => p.Key != "traits"))
        {
            return Fail($"{origin}: must be a mapping with one key, traits: a list of definitions");
        }

        if (document["traits"] is not JsonArray items)
        {
            return Fail($"{origin}: traits: must be a list of definitions");
        }

        var definitions = new List<TraitDefinition>();
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                errors.Add($"{origin}: traits[{i}]: must be a mapping (name, aggregation, event, …)");
                continue;
            }

            var label = item["name"] is JsonValue name ? Scalar(name) : $"traits[{i}]";
            var problems = new List<string>();
            var definition = Read(item, problems.Add);
            if (definition is not null && problems.Count == 0 && Problem(definition) is { } problem)
            {
                problems.Add(problem);
            }

            if (definition is not null && problems.Count == 0 && !names.Add(definition.Name))
            {
                problems.Add("name: another trait has this name");
            }

            if (problems.Count == 0)
            {
                definitions.Add(definition!);
            }

            errors.AddRange(problems.Select(p => $"{origin}: {label}.{p}"));
        }

        return new TraitDefinitionsResult(errors.Count == 0 ? definitions : [], errors);
    }

    /// <summary>
    /// Reads one definition given as a JSON object (the admin API's body): the definition, or each problem as the key
    /// it concerns and the reason.
    /// </summary>
    public static (TraitDefinition? Definition, IReadOnlyList<(string Key, string Reason)> Errors) ParseOne(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problems = new List<string>();
        var definition = Read(item, problems.Add);
        if (definition is not null && problems.Count == 0 && Problem(definition) is { } problem)
        {
            problems.Add(problem);
        }

        return (problems.Count == 0 ? definition : null, [.. problems.Select(p => p.Split(": ", 2) is [var key, var reason] ? (key, reason) : ("definition", p))]);
    }

    /// <summary>A definition as JSON with the keys people write (docs/computed-traits.md); <see cref="ParseOne"/> reads it back to the same fingerprint.</summary>
    public static JsonObject ToJson(TraitDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject { ["name"] = definition.Name };
        if (definition.Description is { } description)
        {
            json["description"] = description;
        }

        json["aggregation"] = Name(definition.Aggregation);
        json["type"] = new JsonArray([.. definition.Types.Select(t => (JsonNode)MessageTypes.Name(t))]);
        if (definition.Events.Count > 0)
        {
            json["event"] = new JsonArray([.. definition.Events.Select(e => (JsonNode)e)]);
        }

        if (definition.Where.Count > 0)
        {
            var where = new JsonObject();
            foreach (var filter in definition.Where)
            {
                JsonNode operand = filter.Operator switch
                {
                    FilterOperator.In => new JsonArray([.. filter.Operands.Select(Operand)]),
                    FilterOperator.Exists => JsonValue.Create(filter.Operands[0] == "true"),
                    _ => Operand(filter.Operands[0]),
                };
                where[filter.Path.Text] = new JsonObject { [Name(filter.Operator)] = operand };
            }

            json["where"] = where;
        }

        if (definition.Property is { } property)
        {
            json["property"] = property.Text;
        }

        if (definition.WindowDays is { } days)
        {
            json["window_days"] = days;
        }

        if (definition.Per is { } per)
        {
            json["per"] = Name(per);
        }

        return json;
    }

    // A number when it reads back as the same text (so 50 stays 50 and "007" stays text), else text.
    private static JsonNode Operand(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
        && number.ToString(CultureInfo.InvariantCulture) == text
            ? JsonValue.Create(number)
            : JsonValue.Create(text);

    /// <summary>What is wrong with a definition, as "key: reason", or null when it can run.</summary>
    public static string? Problem(TraitDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var aggregation = Name(d.Aggregation);
        if (!Identifier().IsMatch(d.Name))
        {
            return $"name: \"{d.Name}\" is not an identifier (letters, digits and '_', not starting with a digit, at most 64)";
        }

        if (d.Types.Count == 0)
        {
            return "type: at least one message type (track, page, screen, identify, group, alias)";
        }

        if (d.Events.Any(string.IsNullOrEmpty))
        {
            return "event: event names cannot be empty";
        }

        var unnamed = d.Types.Where(t => t is not (MessageType.Track or MessageType.Page or MessageType.Screen)).Select(MessageTypes.Name).FirstOrDefault();
        if (d.Events.Count > 0 && unnamed is not null)
        {
            return $"event: {unnamed} messages have no name to match (names belong to track, page and screen)";
        }

        var needsProperty = d.Aggregation is Aggregation.Sum or Aggregation.Average or Aggregation.Min or Aggregation.Max
            or Aggregation.MostFrequent or Aggregation.DistinctValues or Aggregation.DistinctCount;
        if (needsProperty && d.Property is null)
        {
            return $"property: {aggregation} needs the property it aggregates (such as total)";
        }

        if (d.Aggregation is Aggregation.Count or Aggregation.Rate or Aggregation.DaysSince && d.Property is not null)
        {
            return $"property: {aggregation} counts events and takes no property (to count only events having one, use where: {{{d.Property.Text}: {{exists: true}}}})";
        }

        if (d.WindowDays is < 1 or > MaxWindowDays)
        {
            return $"window_days: must be from 1 to {MaxWindowDays} days (leave it out for all time)";
        }

        if (d.Aggregation == Aggregation.Rate && (d.Per is null || d.WindowDays is null))
        {
            return "per: rate needs per (day, week, month or active_day) and window_days, the span it averages over";
        }

        if (d.Aggregation != Aggregation.Rate && d.Per is not null)
        {
            return $"per: only rate takes a period, not {aggregation}";
        }

        foreach (var filter in d.Where)
        {
            var operands = filter.Operator switch
            {
                FilterOperator.In => filter.Operands.Count > 0,
                FilterOperator.Exists => filter.Operands is ["true"] or ["false"],
                _ => filter.Operands.Count == 1,
            };
            if (!operands)
            {
                return $"where.{filter.Path.Text}: {Name(filter.Operator)} takes "
                    + (filter.Operator switch { FilterOperator.In => "a list of values", FilterOperator.Exists => "true or false", _ => "one value" });
            }
        }

        return null;
    }

    private static TraitDefinition? Read(JsonObject item, Action<string> error)
    {
        foreach (var (key, _) in item)
        {
            if (!Keys.Contains(key))
            {
                error($"{key}: unknown key (known: {string.Join(", ", Keys)})");
            }
        }

        var name = Text(item, "name", error);
        if (name is null)
        {
            error("name: is required");
        }

        var aggregationText = Text(item, "aggregation", error);
        Aggregation aggregation = default;
        if (aggregationText is null)
        {
            error($"aggregation: is required ({string.Join(", ", Aggregations.Keys)})");
        }
        else if (!Aggregations.TryGetValue(aggregationText, out aggregation))
        {
            error($"aggregation: \"{aggregationText}\" is not one of {string.Join(", ", Aggregations.Keys)}");
        }

        var events = List(item, "event", error);
        var typeNames = List(item, "type", error);
        var types = new List<MessageType>();
        foreach (var type in typeNames ?? [])
        {
            if (MessageTypes.TryParse(type, out var parsed))
            {
                types.Add(parsed);
            }
            else
            {
                error($"type: \"{type}\" is not a message type (track, page, screen, identify, group, alias)");
            }
        }

        if (events is null && typeNames is null)
        {
            error("event: say which events count: an event name (or list of names), a type (track, page, …), or both");
        }

        var propertyText = Text(item, "property", error);
        var property = propertyText is null ? null : PropertyPath.TryParse(propertyText);
        if (propertyText is not null && property is null)
        {
            error($"property: \"{propertyText}\" is not a dotted path such as total or $.context.page.url");
        }

        int? window = null;
        if (Text(item, "window_days", error) is { } windowText)
        {
            if (int.TryParse(windowText, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                window = days;
            }
            else
            {
                error($"window_days: \"{windowText}\" is not a whole number of days");
            }
        }

        RatePeriod? per = null;
        if (Text(item, "per", error) is { } perText)
        {
            if (Periods.TryGetValue(perText, out var period))
            {
                per = period;
            }
            else
            {
                error($"per: \"{perText}\" is not one of {string.Join(", ", Periods.Keys)}");
            }
        }

        var where = Where(item["where"], error);
        if (name is null || aggregationText is null || !Aggregations.ContainsKey(aggregationText))
        {
            return null;
        }

        return new TraitDefinition
        {
            Name = name,
            Description = Text(item, "description", error),
            Aggregation = aggregation,
            Types = types.Count > 0 ? types : [MessageType.Track],
            Events = events ?? [],
            Where = where,
            Property = property,
            WindowDays = window,
            Per = per,
        };
    }

    private static List<PropertyFilter> Where(JsonNode? node, Action<string> error)
    {
        var filters = new List<PropertyFilter>();
        if (node is null)
        {
            return filters;
        }

        if (node is not JsonObject conditions)
        {
            error("where: must be a mapping of property paths to a value or to one of {eq, ne, gt, gte, lt, lte, in, exists}");
            return filters;
        }

        foreach (var (key, condition) in conditions)
        {
            if (PropertyPath.TryParse(key) is not { } path)
            {
                error($"where.{key}: is not a dotted path such as total or $.context.page.url");
                continue;
            }

            if (condition is JsonObject { Count: 1 } operation && operation.First() is var (op, operand))
            {
                if (!Operators.TryGetValue(op, out var filterOperator))
                {
                    error($"where.{key}.{op}: unknown operator (known: {string.Join(", ", Operators.Keys)})");
                }
                else if (Scalars(operand, filterOperator == FilterOperator.In) is { } operands)
                {
                    filters.Add(new PropertyFilter(path, filterOperator, filterOperator == FilterOperator.Exists ? [.. operands.Select(Flag)] : operands));
                }
                else
                {
                    error($"where.{key}.{op}: takes {(filterOperator == FilterOperator.In ? "a list of values" : "one value")}");
                }
            }
            else if (Scalars(condition, list: false) is { } value)
            {
                filters.Add(new PropertyFilter(path, FilterOperator.Eq, value));
            }
            else
            {
                error($"where.{key}: must be a value or one operator such as {{gt: 50}}");
            }
        }

        return filters;
    }

    private static string Flag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => "true",
        "false" or "no" or "off" => "false",
        _ => text,
    };

    private static List<string>? Scalars(JsonNode? node, bool list) => node switch
    {
        JsonValue value when !list => [Scalar(value)],
        JsonArray items when list && items.All(i => i is JsonValue) => [.. items.Select(i => Scalar((JsonValue)i!))],
        _ => null,
    };

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    private static string? Text(JsonObject item, string key, Action<string> error)
    {
        switch (item[key])
        {
            case null: return null;
            case JsonValue value: return Scalar(value);
            default: error($"{key}: must be a single value"); return null;
        }
    }

    private static List<string>? List(JsonObject item, string key, Action<string> error)
    {
        switch (item[key])
        {
            case null: return null;
            case JsonValue value: return [Scalar(value)];
            case JsonArray items when items.All(i => i is JsonValue):
                return [.. items.Select(i => Scalar((JsonValue)i!))];
            default: error($"{key}: must be a name or a list of names"); return null;
        }
    }

    private static string Name<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static Dictionary<string, T> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(Name, StringComparer.Ordinal);

    private static TraitDefinitionsResult Fail(string error) => new([], [error]);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
