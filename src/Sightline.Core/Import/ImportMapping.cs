using System.Text.Json.Serialization;

namespace Sightline.Core.Import;

/// <summary>
/// How the rows of one source's export become messages: which column is the record id, which are identifiers,
/// traits, properties and consents, and whether a row is a person (identify) or something they did (track).
/// Written by people as YAML or JSON (docs/imports.md); snake_case keys.
/// </summary>
public sealed record ImportMapping
{
    /// <summary>Free text shown by <c>sightline import --help-presets</c> and in docs.</summary>
    public string? Description { get; init; }

    /// <summary><c>csv</c> or <c>jsonl</c>; null to tell by the file name (.jsonl, .ndjson → jsonl).</summary>
    public string? Format { get; init; }

    /// <summary>CSV delimiter; null to detect it from the header line (, ; tab |).</summary>
    public string? Delimiter { get; init; }

    /// <summary><c>customer-direct</c> or <c>third-party</c>, used when the import creates the source.</summary>
    public string? Kind { get; init; }

    /// <summary>0–100, used when the import creates the source.</summary>
    public int? Trust { get; init; }

    /// <summary><c>identify</c> (a person's attributes) or <c>track</c> (an event).</summary>
    public string Type { get; init; } = "identify";

    /// <summary>The column (or columns, joined with ':') that identify a row within the source.</summary>
    [JsonConverter(typeof(ColumnListConverter))]
    public IReadOnlyList<string> RecordId { get; init; } = [];

    /// <summary>For track rows: the event name, fixed or from a column (with an optional map of values to names).</summary>
    public FieldMapping? Event { get; init; }

    /// <summary>When the row happened or was last updated; for identify rows optional (import time otherwise).</summary>
    public FieldMapping? Timestamp { get; init; }

    public SourceDefaults Defaults { get; init; } = new();

    /// <summary>Identifier type (email, phone, user_id, anonymous_id, crm_id, loyalty_card, …) → column.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Identifiers { get; init; } = new Dictionary<string, FieldMapping>();

    /// <summary>Trait name (dots nest: address.city) → column.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Traits { get; init; } = new Dictionary<string, FieldMapping>();

    /// <summary>Event property name (dots nest) → column; track rows only.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Properties { get; init; } = new Dictionary<string, FieldMapping>();

    /// <summary>Consent purpose (email_marketing, …) → a yes/no column.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Consent { get; init; } = new Dictionary<string, FieldMapping>();
}

/// <summary>What a source's values mean when they do not say: phone region, date formats, time zone, currency, country.</summary>
public sealed record SourceDefaults
{
    /// <summary>ISO 3166 region for phone numbers without a country code.</summary>
    public string? PhoneRegion { get; init; }

    /// <summary>Country for postal codes and addresses without one.</summary>
    public string? Country { get; init; }

    /// <summary>.NET custom date formats tried in order (ISO 8601 is always accepted too).</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>IANA time zone of local times, such as Europe/Madrid; UTC when unset.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 4217 currency of amounts that name none.</summary>
    public string? Currency { get; init; }

    /// <summary>Decimal separator of amounts, "." or ","; guessed per value when unset.</summary>
    public string? DecimalSeparator { get; init; }
}

/// <summary>
/// One mapped value: a column and how to read it. In a mapping file a plain string is a column name;
/// <c>{ value: … }</c> is a constant.
/// </summary>
[JsonConverter(typeof(FieldMappingConverter))]
public sealed record FieldMapping
{
    public string? Column { get; init; }

    /// <summary>A constant instead of a column (an event name such as "Order Completed").</summary>
    public string? Value { get; init; }

    /// <summary>How to read the value: see <see cref="FieldTypes"/>. Inferred from the target name when unset.</summary>
    public string? Type { get; init; }

    /// <summary>Date formats for this column only, overriding the defaults.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>A row without a usable value here goes to quarantine instead of being imported without it.</summary>
    public bool Required { get; init; }

    /// <summary>Raw value → value to use (such as an e-mail tool's "open" → "Email Opened"). Unlisted values pass through, unless <see cref="Strict"/>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>With <see cref="Values"/>: a value not listed is an error rather than passed through.</summary>
    public bool Strict { get; init; }
}
