using System.Text.Json;
using Sightline.Core.Events;
using Sightline.Core.Sources;

namespace Sightline.Core.Identity;

/// <summary>
/// Reads the identifiers a message carries: userId, anonymousId, e-mail and phone from traits,
/// device ids from <c>context.device</c>, and every <c>context.externalIds[]</c> entry under its own type.
/// </summary>
public sealed class IdentifierExtractor(IdentifierNormalizer normalizer)
{
    /// <summary>The region phone numbers without a country code are read in, unless a source sets its own.</summary>
    public string? DefaultRegion => normalizer.DefaultRegion;

    /// <summary>
    /// The message's identifiers, normalized and without duplicates, in the order found. A source may set the
    /// region its phone numbers are read in and declare traits that are identifiers (<c>loyalty_card</c>).
    /// </summary>
    public IReadOnlyList<Identifier> Extract(JsonElement message, Source? source = null)
    {
        var found = new List<Identifier>(4);
        var region = source?.PhoneRegion ?? normalizer.DefaultRegion;

        void Add(string type, JsonElement? value)
        {
            var text = value switch
            {
                { ValueKind: JsonValueKind.String } s => s.GetString(),
                { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
                _ => null,
            };
            if (IdentifierNormalizer.Normalize(type, text, region) is { } identifier && !found.Contains(identifier))
            {
                found.Add(identifier);
            }
        }

        Add(IdentifierTypes.UserId, Property(message, "userId"u8));
        Add(IdentifierTypes.AnonymousId, Property(message, "anonymousId"u8));
        var context = Property(message, "context"u8);
        foreach (var traits in (ReadOnlySpan<JsonElement?>)[Property(message, "traits"u8), Property(context, "traits"u8)])
        {
            Add(IdentifierTypes.Email, Property(traits, "email"u8));
            Add(IdentifierTypes.Phone, Property(traits, "phone"u8));
            foreach (var declared in source?.IdentifierTraits ?? [])
            {
                Add(declared, Property(traits, declared));
            }
        }

        var device = Property(context, "device"u8);
        Add(IdentifierTypes.DeviceId, Property(device, "id"u8));
        Add(IdentifierTypes.AdvertisingId, Property(device, "advertisingId"u8));
        if (Property(context, "externalIds"u8) is { ValueKind: JsonValueKind.Array } externalIds)
        {
            foreach (var external in externalIds.EnumerateArray())
            {
                if (Property(external, "type"u8) is { ValueKind: JsonValueKind.String } type && type.GetString() is { Length: > 0 } name)
                {
                    Add(name.Trim().ToLowerInvariant(), Property(external, "id"u8));
                }
            }
        }

        return found;
    }

    /// <summary>The id an alias call says this user was known by before (<c>previousId</c>), if any.</summary>
    public static string? PreviousId(JsonElement message) =>
        Property(message, "type"u8) is { ValueKind: JsonValueKind.String } type && type.ValueEquals(MessageTypes.Name(MessageType.Alias))
            && Property(message, "previousId"u8) is { } previous
            && previous.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (previous.ValueKind == JsonValueKind.String ? previous.GetString() : previous.GetRawText())
                : null;

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    // Names known at compile time go as UTF-8: a string name is transcoded at every lookup, a dozen per message.
    private static JsonElement? Property(JsonElement? element, ReadOnlySpan<byte> name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;
}
