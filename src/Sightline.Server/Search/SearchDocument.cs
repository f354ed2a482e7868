using Sightline.Core.Identity;

namespace Sightline.Server.Search;

/// <summary>What the search index knows of one live profile: what it is found by, and the key facts a result row shows.</summary>
/// <param name="Profile">The live profile.</param>
/// <param name="DisplayName">The name a result row shows.</param>
/// <param name="Names">Given names and surnames, as written (accents folded when indexed).</param>
/// <param name="Emails">Normalized e-mail addresses, from identifiers and traits.</param>
/// <param name="Phones">Phone numbers in E.164, from identifiers and traits.</param>
/// <param name="City">Shown on the result row.</param>
/// <param name="BirthDate">Shown on the result row.</param>
public sealed record SearchDocument(
    ProfileId Profile, string? DisplayName, IReadOnlyList<string> Names, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    string? City, string? BirthDate)
{
    /// <summary>
    /// True when there is a person to find by name or contact. A profile known only by technical ids (an anonymous
    /// visitor's cookie, a device, a user id) has no entry: <see cref="ProfileFinder"/> finds it by the exact id in the store.
    /// </summary>
    public bool DescribesPerson => Names.Count > 0 || Emails.Count > 0 || Phones.Count > 0;
}
