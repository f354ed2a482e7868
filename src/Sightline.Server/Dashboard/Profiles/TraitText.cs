using System.Text.Json;

namespace Sightline.Server.Dashboard.Profiles;

/// <summary>How a stored JSON value reads on a page: a string as itself, objects and lists as their parts, numbers as JSON. Razor escapes it as text.</summary>
public static class TraitText
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        // An address reads "street: Gran Vía 9, city: Málaga", not as JSON.
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name}: {Of(p.Value)}")),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Of)),
        _ => value.GetRawText(),
    };

    /// <summary>Indented JSON, for a timeline entry's details.</summary>
    public static string Pretty(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Shown as text in the page (Razor escapes it): accents stay readable instead of \u00e9.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
