using System.Text.Json;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// Reads the person data the matcher uses from profile traits: the Segment spec's reserved traits (firstName,
/// lastName, name, birthday, address.street/city/postalCode, email, phone) and their snake_case forms, plus a
/// personal document number.
/// </summary>
public static class PersonTraits
{
    private static readonly string[] Given = ["firstName", "first_name", "givenName", "given_name"];
    private static readonly string[] Surname = ["lastName", "last_name", "surname", "familyName", "family_name"];
    private static readonly string[] FullName = ["name", "fullName", "full_name"];
    private static readonly string[] Birth = ["birthday", "birthDate", "birth_date", "dateOfBirth", "date_of_birth", "dob"];
    private static readonly string[] Street = ["street", "address_street", "street_address"];
    private static readonly string[] City = ["city", "address_city"];
    private static readonly string[] Postcode = ["postalCode", "postal_code", "postcode", "zip", "zip_code"];
    private static readonly string[] Email = ["email"];
    private static readonly string[] Phone = ["phone", "mobile", "phone_number"];
    private static readonly string[] Document = ["documentId", "document_id", "national_id", "nationalId", "dni", "nie", "ssn", "tax_id"];

    /// <summary>Every trait name that carries person data (address is an object holding street, city, postalCode).</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        [.. Given, .. Surname, .. FullName, .. Birth, .. Street, .. City, .. Postcode, .. Email, .. Phone, .. Document, "address"], StringComparer.Ordinal);

    /// <summary>
    /// The record with the person data among <paramref name="traits"/> laid over it (a later value replaces an
    /// earlier one; a trait not sent leaves the field as it was), or null when the traits hold none or change nothing.
    /// </summary>
    public static PersonRecord? Overlay(PersonRecord? record, string id, JsonElement traits)
    {
        if (traits.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var next = record ?? new PersonRecord { Id = id };
        foreach (var trait in traits.EnumerateObject())
        {
            if (Names.Contains(trait.Name))
            {
                next = Apply(next, trait.Name, trait.Value);
            }
        }

        // The same values sent again (every identify call of a signed-in visitor) change nothing to compare.
        return next.Equals(record) || (record is null && next.Equals(new PersonRecord { Id = id })) ? null : next;
    }

    /// <summary>One trait laid over the record.</summary>
    public static PersonRecord Apply(PersonRecord record, string name, JsonElement value)
    {
        if (name == "address")
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in value.EnumerateObject())
                {
                    record = Apply(record, part.Name is "street" or "city" ? part.Name : Postcode.Contains(part.Name) ? "postalCode" : "-", part.Value);
                }
            }
            else if (Text(value) is { } street)
            {
                record = record with { Street = street };
            }

            return record;
        }

        var text = Text(value);
        if (FullName.Contains(name))
        {
            var (given, surname) = SplitFullName(text);
            return record with { GivenName = record.GivenName ?? given, Surname = record.Surname ?? surname };
        }

        return true switch
        {
            _ when Given.Contains(name) => record with { GivenName = text },
            _ when Surname.Contains(name) => record with { Surname = text },
            _ when Birth.Contains(name) => record with { BirthDate = text },
            _ when Street.Contains(name) => record with { Street = text },
            _ when City.Contains(name) => record with { City = text },
            _ when Postcode.Contains(name) => record with { Postcode = text },
            _ when Email.Contains(name) => record with { Email = text },
            _ when Phone.Contains(name) => record with { Phone = text },
            _ when Document.Contains(name) => record with { DocumentId = text },
            _ => record,
        };
    }

    /// <summary>
    /// Person data from trait observations (oldest first, as the store lists them), one record per key: per profile
    /// (what the pipeline matches), or per event (the source records a model is estimated from).
    /// </summary>
    public static async Task<Dictionary<TKey, PersonRecord>> CollectAsync<TKey>(
        IAsyncEnumerable<PersonTraitObservation> observations, Func<PersonTraitObservation, TKey> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var people = new Dictionary<TKey, PersonRecord>();
        await foreach (var observation in observations.WithCancellation(cancellationToken))
        {
            using var value = JsonDocument.Parse(observation.Json);
            var id = key(observation);
            people[id] = Apply(people.GetValueOrDefault(id) ?? new PersonRecord { Id = id.ToString()! }, observation.Name, value.RootElement);
        }

        return people;
    }

    /// <summary>The fields of <paramref name="into"/>, with the gaps filled from <paramref name="from"/>: the person data of two merged profiles.</summary>
    public static PersonRecord Combine(PersonRecord into, PersonRecord from) => into with
    {
        GivenName = into.GivenName ?? from.GivenName,
        Surname = into.Surname ?? from.Surname,
        BirthDate = into.BirthDate ?? from.BirthDate,
        Street = into.Street ?? from.Street,
        City = into.City ?? from.City,
        Postcode = into.Postcode ?? from.Postcode,
        Email = into.Email ?? from.Email,
        Phone = into.Phone ?? from.Phone,
        DocumentId = into.DocumentId ?? from.DocumentId,
    };

    /// <summary>"GARCÍA LÓPEZ, Ana" → (Ana, García López); "Ana García López" → (Ana, García López).</summary>
    internal static (string? Given, string? Surname) SplitFullName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }

        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return (Blank(name[(comma + 1)..]), Blank(name[..comma]));
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 1 ? (words[0], null) : (words[0], string.Join(' ', words[1..]));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Blank(value.GetString()),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
