namespace Sightline.Core.Identity.Matching;

/// <summary>Records whose keys are equal (and not null) are compared; all others never are.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Fields">The compared fields its key is made of: within its blocks they agree by construction, so they
/// teach nothing there when the m probabilities are estimated.</param>
/// <param name="Key">The blocking key of a record, or null for none.</param>
internal sealed record BlockingRule(string Name, string[] Fields, Func<PreparedRecord, string?> Key)
{
    /// <summary>
    /// The union of these rules is what keeps candidate generation far below quadratic while every kind of
    /// corruption (a typo in the name, a wrong date, a moved house) still leaves some key in common.
    /// </summary>
    public static readonly IReadOnlyList<BlockingRule> Standard =
    [
        new("birth_date", ["birth_date"], r => r.BirthDate),
        new("given_name+surname", ["given_name", "surname"], r => Join(r.GivenFirst, r.SurnameFirst)),
        new("email", ["email"], r => r.Email),
        new("phone", ["phone"], r => r.Phone),
        new("document_id", ["document_id"], r => r.Document),
        new("sound_of_names", ["given_name", "surname"], r => Join(r.GivenSound, r.SurnameSound)),
        new("surname+birth_year", ["surname", "birth_date"], r => Join(r.SurnameFirst, r.BirthDate is { Length: 8 } d ? d[..4] : null)),
        new("given_name+birth_month", ["given_name", "birth_date"], r => Join(r.GivenFirst, r.BirthDate is { Length: 8 } d ? d[..6] : null)),
        new("email_local_part", ["email"], r => r.EmailLocal is { Length: > 3 } local ? local : null),
        new("postcode+surname_start", ["postcode", "surname"], r => Join(r.Postcode, Start(r.SurnameFirst))),
        new("postcode+given_name_start", ["postcode", "given_name"], r => Join(r.Postcode, Start(r.GivenFirst))),
        new("city+sound_of_given_name", ["city", "given_name"], r => Join(r.City, r.GivenSound)),
        new("city+sound_of_surname", ["city", "surname"], r => Join(r.City, r.SurnameSound)),
        new("street", ["street"], r => r.Street),
    ];

    private static string? Start(string? text) => text is null ? null : text.Length > 3 ? text[..3] : text;

    private static string? Join(string? a, string? b) => a is null || b is null ? null : string.Concat(a, "\u001f", b);
}
