using System.Text.Json;

namespace Sightline.Core.Segments;

/// <summary>Reads an event property by its dotted path (<c>product.sku</c>) and tests it.</summary>
internal sealed class PropertyNode(string path, ValueTest test) : Node<JsonElement>
{
    private readonly string[] _steps = path.Split('.');

    public override bool Evaluate(JsonElement context, DateTimeOffset now) => test.Test(Read(context), now);

    private SegmentValue Read(JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return SegmentValue.Missing;
        }

        // A flat key that contains dots ("product.sku": …) wins over the nested path.
        if (_steps.Length > 1 && properties.TryGetProperty(path, out var flat))
        {
            return Convert(flat);
        }

        var element = properties;
        foreach (var step in _steps)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return SegmentValue.Missing;
            }
        }

        return Convert(element);
    }

    private static SegmentValue Convert(JsonElement element) => SegmentValue.FromJson(element);
}
