using System.Text.Json;
using Sightline.Core.Events;
using Sightline.Core.Storage;

namespace Sightline.Server.Dashboard.Profiles;

/// <summary>One line saying what an event was: the tracked event's name, the page or screen, the traits identified.</summary>
public static class EventSummary
{
    public static string Of(LoggedEvent logged)
    {
        using var document = JsonDocument.Parse(logged.Json);
        var message = document.RootElement;
        return logged.Type switch
        {
            MessageType.Track => Text(message, "event") ?? "",
            MessageType.Page or MessageType.Screen => Text(message, "name")
                ?? (message.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? Text(p, "path") ?? Text(p, "url") : null) ?? "",
            MessageType.Identify => message.TryGetProperty("traits", out var traits) && traits.ValueKind == JsonValueKind.Object
                ? string.Join(", ", traits.EnumerateObject().Select(t => t.Name).Take(8))
                : "",
            MessageType.Group => Text(message, "groupId") ?? "",
            MessageType.Alias => $"{Text(message, "previousId")} → {Text(message, "userId")}",
            _ => "",
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? TraitText.Of(value) : null;
}
