namespace Sightline.Core.Identity.Matching;

/// <summary>
/// What the probabilistic matcher knows of one record or profile: the person data that can say two records are the
/// same person when they share no identifier. Every field is optional; raw values are fine (the matcher folds case,
/// accents and punctuation itself).
/// </summary>
public sealed record PersonRecord
{
    /// <summary>The record's id (a profile id, an imported record id, a data set's row id).</summary>
    public required string Id { get; init; }

    /// <summary>Given name(s): "José María", "Bill".</summary>
    public string? GivenName { get; init; }

    /// <summary>Surname(s), one or two: "García Márquez".</summary>
    public string? Surname { get; init; }

    /// <summary>Birth date as yyyy-MM-dd or yyyyMMdd; only its eight digits are compared, so a corrupted date still counts.</summary>
    public string? BirthDate { get; init; }

    /// <summary>Street address with its number: "12 learmonth drive", "Calle Mayor 5, 3º B".</summary>
    public string? Street { get; init; }

    /// <summary>City, town or suburb.</summary>
    public string? City { get; init; }

    public string? Postcode { get; init; }

    public string? Email { get; init; }

    /// <summary>Phone number in any format; the last nine digits are compared.</summary>
    public string? Phone { get; init; }

    /// <summary>A personal document number (national id, DNI/NIE, social security number, passport): typos tolerated.</summary>
    public string? DocumentId { get; init; }
}
