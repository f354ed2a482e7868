using Sightline.Core.Identity;

namespace Sightline.Server.Search;

/// <summary>What the search index knows of one live profile: what it is found by, and the key facts a result row shows.</summary>
/// <param name="Profile">The live profile.</param>
/// <param name="DisplayName">The name a result row shows.</param>
/// <param name="Names">Given names and surnames, as written (accents folded when indexed).</param>
/// <param name="Emails">Normalized e-mail addresses.</param>
/// <param name="Phones">Phone numbers in E.164.</param>
/// <param name="Identifiers">Every identifier of the profile, e-mail and phone included.</param>
/// <param name="City">Shown on the result row.</param>
/// <param name="BirthDate">Shown on the result row.</param>
public sealed record SearchDocument(
    ProfileId Profile, string? DisplayName, IReadOnlyList<string> Names, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<Identifier> Identifiers, string? City, string? BirthDate);
