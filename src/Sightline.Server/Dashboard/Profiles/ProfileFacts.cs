using System.Text.Json;
using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;

namespace Sightline.Server.Dashboard.Profiles;

/// <summary>Who a profile is, at a glance: the person data among its current traits, and its contact identifiers.</summary>
public sealed record ProfileFacts(string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, string? BirthDate, string? Address, string? City)
{
    /// <summary>The facts of one profile, read from the store.</summary>
    public static async Task<ProfileFacts> ReadAsync(IProfileStore store, ProfileId profile, CancellationToken cancellationToken) =>
        From(await store.CurrentTraitsAsync(profile, cancellationToken), await store.IdentitiesAsync(profile, cancellationToken));

    public static ProfileFacts From(IReadOnlyList<TraitValue> current, IReadOnlyList<ProfileIdentity> identities)
    {
        var person = new PersonRecord { Id = "" };
        foreach (var trait in current.Where(t => PersonTraits.Names.Contains(t.Name)))
        {
            using var value = JsonDocument.Parse(trait.Json);
            person = PersonTraits.Apply(person, trait.Name, value.RootElement);
        }

        string[] name = [.. new[] { person.GivenName, person.Surname }.OfType<string>()];
        string[] address = [.. new[] { person.Street, person.Postcode }.OfType<string>()];
        return new ProfileFacts(
            name.Length > 0 ? string.Join(' ', name) : null,
            Values(identities, IdentifierTypes.Email, person.Email),
            Values(identities, IdentifierTypes.Phone, person.Phone),
            person.BirthDate,
            address.Length > 0 ? string.Join(", ", address) : null,
            person.City);
    }

    private static string[] Values(IReadOnlyList<ProfileIdentity> identities, string type, string? trait)
    {
        var values = identities.Where(i => i.Identifier.Type == type).Select(i => i.Identifier.Value).ToList();
        return values.Count > 0 || trait is null ? [.. values] : [trait];
    }
}
