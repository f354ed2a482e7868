namespace Sightline.Core.Identity.Matching;

/// <summary>Records whose keys are equal (and not null) are compared; all others never are.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Fields">The compared fields its key is made of: within its blocks they agree by construction, so they
/// teach nothing there when the m probabilities are estimated.</param>
/// <param name="Key">The blocking key of a record (with no key when a part is missing).</param>
/// <param name="MaxPairsPerRecord">
/// For a broad rule, the most pairs per record it may produce; past that (a large data set) it is left out and its
/// narrower versions, which follow it, do the work. Null for no limit.
/// </param>
internal sealed record BlockingRule(string Name, string[] Fields, Func<PreparedRecord, BlockingKey> Key, double? MaxPairsPerRecord = null)
{
    /// <summary>
    /// The union of these rules is what keeps candidate generation far below quadratic while every kind of
    /// corruption (a typo in the name, a wrong date, a moved house) still leaves some key in common.
    /// </summary>
    public static readonly IReadOnlyList<BlockingRule> Standard =
    [
        new("birth_date", ["birth_date"], r => new(r.BirthDate), MaxPairsPerRecord: 5),
        new("sound_of_names", ["given_name", "surname"], r => new(r.GivenSound, r.SurnameSound), MaxPairsPerRecord: 5),
        new("birth_date+given_name_initial", ["birth_date", "given_name"], r => new(r.BirthDate, Initial(r.GivenFirst))),
        new("birth_date+surname_initial", ["birth_date", "surname"], r => new(r.BirthDate, Initial(r.SurnameFirst))),
        new("given_name+surname", ["given_name", "surname"], r => new(r.GivenFirst, r.SurnameFirst)),
        new("email", ["email"], r => new(r.Email)),
        new("phone", ["phone"], r => new(r.Phone)),
        new("document_id", ["document_id"], r => new(r.Document)),
        new("sound_of_names+birth_year", ["given_name", "surname", "birth_date"], r => new(r.GivenSound, r.SurnameSound, DatePrefix(r.BirthDate, 4))),
        new("sound_of_names+postcode_area", ["given_name", "surname", "postcode"], r => new(r.GivenSound, r.SurnameSound, r.Postcode is { IsNull: false, Length: >= 2 } p ? p.Prefix(2) : default)),
        new("surname+birth_month", ["surname", "birth_date"], r => new(r.SurnameFirst, DatePrefix(r.BirthDate, 6))),
        new("given_name+birth_month", ["given_name", "birth_date"], r => new(r.GivenFirst, DatePrefix(r.BirthDate, 6))),
        new("email_local_part", ["email"], r => new(r.EmailLocal is { IsNull: false, Length: > 3 } local ? local : default)),
        new("postcode+surname_start", ["postcode", "surname"], r => new(r.Postcode, r.SurnameFirst.Prefix(3))),
        new("postcode+given_name_start", ["postcode", "given_name"], r => new(r.Postcode, r.GivenFirst.Prefix(3))),
        new("postcode+sound_of_given_name", ["postcode", "given_name"], r => new(r.Postcode, r.GivenSound)),
        new("postcode+sound_of_surname", ["postcode", "surname"], r => new(r.Postcode, r.SurnameSound)),
        new("city+given_name+surname_start", ["city", "given_name", "surname"], r => new(r.City, r.GivenFirst, r.SurnameFirst.Prefix(3))),
        new("street", ["street"], r => new(r.Street)),
    ];

    private static TextSlice Initial(TextSlice text) => text.Prefix(1);

    /// <summary>The year (4) or year and month (6) of a yyyyMMdd date; missing for a date of another shape.</summary>
    private static TextSlice DatePrefix(TextSlice date, int length) => date is { IsNull: false, Length: 8 } ? date.Prefix(length) : default;
}
