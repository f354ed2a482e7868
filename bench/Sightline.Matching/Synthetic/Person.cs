namespace Sightline.Matching.Synthetic;

/// <summary>A generated person as they really are; records of them are renderings of this, some corrupted.</summary>
internal sealed record Person
{
    /// <summary>Spanish naming (two surnames, compound given names) or English.</summary>
    public required bool Spanish { get; init; }

    public required string GivenName { get; init; }

    public required string Surname { get; init; }

    /// <summary>The mother's surname of a Spanish person; null for English.</summary>
    public string? SecondSurname { get; init; }

    public required DateOnly BirthDate { get; init; }

    public required string Street { get; init; }

    public required string City { get; init; }

    public required string Postcode { get; init; }

    public required string Email { get; init; }

    /// <summary>National significant number (nine digits for Spain, ten for the UK), without country code.</summary>
    public required string Phone { get; init; }

    /// <summary>DNI for Spain, National Insurance number for the UK.</summary>
    public required string DocumentId { get; init; }

    public string FullSurname => SecondSurname is null ? Surname : $"{Surname} {SecondSurname}";
}
