using Sightline.Core.Identity.Matching;

namespace Sightline.Matching.Scoring;

/// <summary>The fields of a PersonRecord in the order the error report shows them.</summary>
internal static class PersonFields
{
    public static IReadOnlyList<(string Name, Func<PersonRecord, string?> Value)> All { get; } =
    [
        ("given", r => r.GivenName),
        ("surname", r => r.Surname),
        ("birth", r => r.BirthDate),
        ("street", r => r.Street),
        ("city", r => r.City),
        ("postcode", r => r.Postcode),
        ("email", r => r.Email),
        ("phone", r => r.Phone),
        ("document", r => r.DocumentId),
    ];
}
