using System.Text.Json;
using Sightline.Core.Identity;

namespace Sightline.Core.Consent;

/// <summary>The purposes a person can grant or deny, and how messages carry their choices.</summary>
public static class ConsentPurposes
{
    /// <summary>The default purposes (configurable with <c>Sightline:ConsentPurposes</c>).</summary>
    /// <summary>The purpose behavioural events (track, page, screen) need: without it they are minimized (docs/privacy.md).</summary>
    public const string Analytics = "analytics";

    public static readonly IReadOnlyList<string> Defaults = ["analytics", "personalization", "email_marketing", "sms_marketing", "advertising", "third_party_sharing"];

    /// <summary>
    /// The choices in <c>context.consent.categoryPreferences</c>, as Segment's consent tooling sends them (and imports
    /// write them): purpose → true (granted) or false (denied). Values that are not booleans say nothing and are skipped.
    /// </summary>
    /// <remarks>A list, not an iterator: the pipeline reads every message twice, and nearly all carry no choices.</remarks>
    public static IReadOnlyList<(string Purpose, bool Granted)> Read(JsonElement message)
    {
        if (!(message.TryGetProperty("context"u8, out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("consent"u8, out var consent) && consent.ValueKind == JsonValueKind.Object
            && consent.TryGetProperty("categoryPreferences"u8, out var preferences) && preferences.ValueKind == JsonValueKind.Object))
        {
            return [];
        }

        var choices = new List<(string Purpose, bool Granted)>();
        foreach (var purpose in preferences.EnumerateObject())
        {
            if (purpose.Value.ValueKind is JsonValueKind.True or JsonValueKind.False && purpose.Name.Length is > 0 and <= 64)
            {
                choices.Add((purpose.Name.Trim().ToLowerInvariant(), purpose.Value.GetBoolean()));
            }
        }

        return choices;
    }

    /// <summary>
    /// A message that records a person's choices (and corrected traits) against one of their identifiers, so that a
    /// change made through the API goes through the log like every other fact and survives rebuilds.
    /// </summary>
    public static byte[] Message(Identifier identifier, IReadOnlyDictionary<string, bool> choices, string? evidence, IReadOnlyDictionary<string, JsonElement>? traits = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "identify");
            if (identifier.Type == IdentifierTypes.UserId)
            {
                writer.WriteString("userId", identifier.Value);
            }
            else if (identifier.Type == IdentifierTypes.AnonymousId)
            {
                writer.WriteString("anonymousId", identifier.Value);
            }

            if (traits is { Count: > 0 })
            {
                writer.WriteStartObject("traits");
                foreach (var (name, value) in traits)
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("context");
            if (identifier.Type is not (IdentifierTypes.UserId or IdentifierTypes.AnonymousId))
            {
                writer.WriteStartArray("externalIds");
                writer.WriteStartObject();
                writer.WriteString("id", identifier.Value);
                writer.WriteString("type", identifier.Type);
                writer.WriteString("collection", "users");
                writer.WriteString("encoding", "none");
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartObject("consent");
            writer.WriteStartObject("categoryPreferences");
            foreach (var (purpose, granted) in choices)
            {
                writer.WriteBoolean(purpose, granted);
            }

            writer.WriteEndObject();
            if (evidence is not null)
            {
                writer.WriteString("evidence", evidence);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
