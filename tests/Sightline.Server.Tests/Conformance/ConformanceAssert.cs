using System.Text.Json;
using Sightline.Core.Events;
using Sightline.Core.Storage;

namespace Sightline.Server.Tests.Conformance;

/// <summary>Checks that what a client sent is in the log as it sent it.</summary>
internal static class ConformanceAssert
{
    private static readonly string[] Identifying = ["userId", "anonymousId", "previousId", "groupId", "event", "name", "category"];

    /// <summary>
    /// Finds the one stored event with the sent message's id and checks its type, identifiers, names,
    /// traits and properties (the SDK may add properties, never drop or change one), the SDK's library
    /// name, and that both times are set. Returns the stored event and its normalized JSON.
    /// </summary>
    public static (LoggedEvent Event, JsonElement Json) StoredAsSent(IReadOnlyList<LoggedEvent> log, JsonElement sent, string library)
    {
        var messageId = sent.GetProperty("messageId").GetString()!;
        var type = sent.GetProperty("type").GetString()!;
        var stored = log.Where(e => e.MessageId == messageId).ShouldHaveSingleItem($"{type} {messageId} is stored exactly once");
        MessageTypes.Name(stored.Type).ShouldBe(type, $"type of {messageId}");
        var json = JsonDocument.Parse(stored.Json).RootElement.Clone();
        json.GetProperty("type").GetString().ShouldBe(type);
        json.GetProperty("messageId").GetString().ShouldBe(messageId);

        foreach (var field in Identifying)
        {
            if (sent.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                json.TryGetProperty(field, out var kept).ShouldBeTrue($"{messageId} keeps {field}");
                JsonElement.DeepEquals(kept, value).ShouldBeTrue($"{messageId}.{field}: sent {value}, stored {kept}");
            }
        }

        if (sent.TryGetProperty("traits", out var traits))
        {
            JsonElement.DeepEquals(json.GetProperty("traits"), traits).ShouldBeTrue($"{messageId}.traits: sent {traits}, stored {json.GetProperty("traits")}");
        }

        if (sent.TryGetProperty("properties", out var properties))
        {
            var storedProperties = json.GetProperty("properties");
            foreach (var property in properties.EnumerateObject())
            {
                storedProperties.TryGetProperty(property.Name, out var kept).ShouldBeTrue($"{messageId} keeps properties.{property.Name}");
                JsonElement.DeepEquals(kept, property.Value).ShouldBeTrue($"{messageId}.properties.{property.Name}: sent {property.Value}, stored {kept}");
            }
        }

        json.GetProperty("context").GetProperty("library").GetProperty("name").GetString().ShouldBe(library, $"context.library.name of {messageId}");
        json.GetProperty("timestamp").GetString().ShouldBe(Timestamps.Format(stored.Timestamp));
        json.GetProperty("receivedAt").GetString().ShouldBe(Timestamps.Format(stored.ReceivedAt));
        return (stored, json);
    }
}
