using System.Text.Json;
using Sightline.Core.Events;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// One event parsed once for all computed traits: its type, time, id, name and JSON. Dispose it when every trait
/// has seen it (it rents the parser's buffers).
/// </summary>
public sealed class TraitEvent : IDisposable
{
    private readonly JsonDocument? _document;

    private TraitEvent(JsonDocument? document, JsonElement root, MessageType type, string messageId, DateTimeOffset timestamp)
    {
        _document = document;
        Type = type;
        MessageId = messageId;
        Timestamp = timestamp;
        Root = root;
        Body = Root.TryGetProperty(PropertyPath.BodyIsTraits(type) ? "traits"u8 : "properties"u8, out var body) ? body : default;
        Name = Root.TryGetProperty(type == MessageType.Track ? "event"u8 : "name"u8, out var name) && name.ValueKind == JsonValueKind.String ? name : default;
    }

    public MessageType Type { get; }

    public string MessageId { get; }

    public DateTimeOffset Timestamp { get; }

    internal JsonElement Root { get; }

    /// <summary>The <c>properties</c> object (<c>traits</c> for identify and group), or undefined.</summary>
    internal JsonElement Body { get; }

    /// <summary>The track event name or page/screen name, or undefined.</summary>
    internal JsonElement Name { get; }

    public static TraitEvent From(EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var document = JsonDocument.Parse(message.Json);
        return new TraitEvent(document, document.RootElement, message.Type, message.MessageId, message.Timestamp);
    }

    /// <summary>An event the caller has parsed already (and keeps alive while the traits read it).</summary>
    public static TraitEvent Over(JsonElement root, MessageType type, string messageId, DateTimeOffset timestamp) =>
        new(null, root, type, messageId, timestamp);

    public void Dispose() => _document?.Dispose();
}
