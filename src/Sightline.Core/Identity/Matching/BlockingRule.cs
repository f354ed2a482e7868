namespace Sightline.Core.Identity.Matching;

/// <summary>Records whose keys are equal (and not null) are compared; all others never are.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Fields">The compared fields its key is made of: within its blocks they agree by construction, so they
/// teach nothing there when the m probabilities are estimated.</param>
/// <param name="Key">The blocking key of a record, or null for none.</param>
/// <param name="MaxPairsPerRecord">
/// For a broad rule, the most pairs per record it may produce; past that (a large data set) it is left out and its
/// narrower versions, which follow it, do the work. Null for no limit.
/// </param>
internal sealed record BlockingRule(string Name, string[] Fields, Func<PreparedRecord, string?> Key, double? MaxPairsPerRecord = null)
{
    /// <summary>
    /// The union of these rules is what keeps candidate generation far below quadratic while every kind of
    /// corruption (a typo in the name, a wrong date, a moved house) still leaves some key in common.
    /// </summary>
    public static readonly IReadOnlyList<BlockingRule> Standard =
    [
        new("birth_date", ["birth_date"], r => r.BirthDate, MaxPairsPerRecord: 5),
        new("sound_of_names", ["given_name", "surname"], r => Join(r.GivenSound, r.SurnameSound), MaxPairsPerRecord: 5),
        new("birth_date+given_name_initial", ["birth_date", "given_name"], r => Join(r.BirthDate, Initial(r.GivenFirst))),
        new("birth_date+surname_initial", ["birth_date", "surname"], r => Join(r.BirthDate, Initial(r.SurnameFirst))),
        new("given_name+surname", ["given_name", "surname"], r => Join(r.GivenFirst, r.SurnameFirst)),
        new("email", ["email"], r => r.Email),
        new("phone", ["phone"], r => r.Phone),
        new("document_id", ["document_id"], r => r.Document),
        new("sound_of_names+birth_year", ["given_name", "surname", "birth_date"], r => Join(Join(r.GivenSound, r.SurnameSound), r.BirthDate is { Length: 8 } d ? d[..4] : null)),
        new("sound_of_names+postcode_area", ["given_name", "surname", "postcode"], r => Join(Join(r.GivenSound, r.SurnameSound), r.Postcode is { Length: >= 2 } p ? p[..2] : null)),
        new("surname+birth_month", ["surname", "birth_date"], r => Join(r.SurnameFirst, r.BirthDate is { Length: 8 } d ? d[..6] : null)),
        new("given_name+birth_month", ["given_name", "birth_date"], r => Join(r.GivenFirst, r.BirthDate is { Length: 8 } d ? d[..6] : null)),
        new("email_local_part", ["email"], r => r.EmailLocal is { Length: > 3 } local ? local : null),
        new("postcode+surname_start", ["postcode", "surname"], r => Join(r.Postcode, Start(r.SurnameFirst))),
        new("postcode+given_name_start", ["postcode", "given_name"], r => Join(r.Postcode, Start(r.GivenFirst))),
        new("postcode+sound_of_given_name", ["postcode", "given_name"], r => Join(r.Postcode, r.GivenSound)),
        new("postcode+sound_of_surname", ["postcode", "surname"], r => Join(r.Postcode, r.SurnameSound)),
        new("city+given_name+surname_start", ["city", "given_name", "surname"], r => Join(r.City, Join(r.GivenFirst, Start(r.SurnameFirst)))),
        new("street", ["street"], r => r.Street),
    ];

    private static string? Initial(string? text) => text is null ? null : text[..1];

    private static string? Start(string? text) => text is null ? null : text.Length > 3 ? text[..3] : text;

    private static string? Join(string? a, string? b) => a is null || b is null ? null : string.Concat(a, "\u001f", b);
}
