namespace Sightline.Matching.Synthetic;

/// <summary>The names, places and habits of one population; every list is ordered from most to least frequent.</summary>
internal sealed record Locale
{
    public required bool Spanish { get; init; }

    public required IReadOnlyList<string> GivenNames { get; init; }

    public required IReadOnlyList<string> Surnames { get; init; }

    /// <summary>
    /// Syllables whose combinations stand for the long tail of rare surnames that a list of the most common ones lacks;
    /// without them a million records would hold thousands of namesakes per surname, far denser than a real population.
    /// </summary>
    public required IReadOnlyList<string> SurnameStarts { get; init; }

    /// <inheritdoc cref="SurnameStarts"/>
    public required IReadOnlyList<string> SurnameEnds { get; init; }

    /// <summary>Share of people whose surname comes from the tail rather than from <see cref="Surnames"/>.</summary>
    public required double RareSurnameShare { get; init; }

    /// <summary>Familiar forms by given name, used by duplicates ("Francisco" → "Paco", "William" → "Bill").</summary>
    public required IReadOnlyDictionary<string, string[]> Nicknames { get; init; }

    /// <summary>Cities with their postcode prefix: the province number in Spain, the postcode area in the UK.</summary>
    public required IReadOnlyList<(string Name, string PostcodeArea)> Cities { get; init; }

    public required IReadOnlyList<string> StreetNames { get; init; }

    /// <summary>Street types with the short form a careless clerk writes ("Calle" → "C/", "Road" → "Rd").</summary>
    public required IReadOnlyList<(string Full, string Short)> StreetTypes { get; init; }

    public required IReadOnlyList<string> EmailDomains { get; init; }
}
