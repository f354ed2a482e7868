namespace Sightline.Cli.Demo;

/// <summary>
/// One real customer of the demo retailer, as the ground truth knows them; every source writes its own, imperfect
/// version of them.
/// </summary>
internal sealed record Person
{
    /// <summary>The ground-truth id (P000001), never written into a source file.</summary>
    public required string Id { get; init; }

    public required Country Country { get; init; }

    public required City City { get; init; }

    /// <summary>Given name as on their ID, possibly compound (José María).</summary>
    public required string Given { get; init; }

    public required string Surname { get; init; }

    /// <summary>Second (maternal) surname where the country uses two.</summary>
    public string? SecondSurname { get; init; }

    public required DateOnly Born { get; init; }

    /// <summary>Street line in the country's own form (Calle Mayor 12, 3º B; 500 Market St Apt 4).</summary>
    public required string Street { get; init; }

    public required string PostalCode { get; init; }

    /// <summary>The personal mobile, as a national significant number (600123456).</summary>
    public required string Mobile { get; init; }

    /// <summary>The household's fixed line, shared by everyone living there.</summary>
    public string? Landline { get; init; }

    /// <summary>The e-mail they give the CRM and newsletters; null for people who never give one.</summary>
    public string? Email { get; init; }

    /// <summary>Another address of theirs that they use in the online shop, or null when they use <see cref="Email"/>.</summary>
    public string? ShopEmail { get; init; }

    /// <summary>The shop's customer id, also the web and app userId once they sign in.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Household id (H0001) when others live at the same address and share its landline.</summary>
    public string? Household { get; init; }

    /// <summary>Namesake group id (N0001) when another customer in the same city has exactly the same name.</summary>
    public string? Namesake { get; init; }

    /// <summary>Buys only in a physical store: till tickets and a paper loyalty form, never an e-mail.</summary>
    public bool StoreOnly { get; init; }

    public string FullName => SecondSurname is null ? $"{Given} {Surname}" : $"{Given} {Surname} {SecondSurname}";

    public string Surnames => SecondSurname is null ? Surname : $"{Surname} {SecondSurname}";
}
