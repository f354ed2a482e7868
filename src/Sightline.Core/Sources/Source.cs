namespace Sightline.Core.Sources;

/// <summary>A registered origin of data: a web site, an app, a CRM export, a till.</summary>
public sealed record Source
{
    public required long Id { get; init; }

    /// <summary>Unique, lower-case name such as <c>web</c> or <c>crm</c>.</summary>
    public required string Name { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>0 (least) to 100 (most trusted); survivorship prefers higher trust.</summary>
    public required int Trust { get; init; }

    /// <summary>The key clients send to write into this source, and only this source.</summary>
    public required string WriteKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Region for this source's phone numbers written without a country code, or null for the server's default.</summary>
    public string? PhoneRegion { get; init; }

    /// <summary>Trait names whose values are identifiers of a type of the same name.</summary>
    public IReadOnlyList<string> IdentifierTraits { get; init; } = [];
}
