using System.Text.Json;

namespace Sightline.Core.Retention;

/// <summary>
/// What is left of an expired event a profile rests on: exactly what identity resolution, traits and consent read
/// from it (its type, ids, time, identifiers, traits and consent), so a rebuild resolves it as before; its
/// properties, event name, page, campaign, address and device details are dropped.
/// </summary>
public static class IdentityStub
{
    private static readonly string[] Top = ["type", "messageId", "timestamp", "userId", "anonymousId", "previousId", "groupId", "traits"];
    private static readonly string[] Context = ["traits", "consent", "externalIds"];
    private static readonly string[] Device = ["id", "advertisingId"];

    /// <summary>The stub of a logged message (UTF-8 JSON); applying it twice changes nothing.</summary>
    public static byte[] Of(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var message = document.RootElement;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Copy(writer, message, Top);
            if (message.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject("context");
                Copy(writer, context, Context);
                if (context.TryGetProperty("device", out var device) && device.ValueKind == JsonValueKind.Object && Device.Any(n => device.TryGetProperty(n, out _)))
                {
                    writer.WriteStartObject("device");
                    Copy(writer, device, Device);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Copy(Utf8JsonWriter writer, JsonElement from, string[] names)
    {
        foreach (var name in names)
        {
            if (from.TryGetProperty(name, out var value))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
    }
}
