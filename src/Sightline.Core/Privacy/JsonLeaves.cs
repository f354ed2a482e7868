using System.Text.Json;

namespace Sightline.Core.Privacy;

/// <summary>Every string and number in a JSON document, however nested: what untrusted input may hide a person in.</summary>
internal static class JsonLeaves
{
    public static IEnumerable<string> Texts(JsonElement element)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(element);
        while (pending.TryPop(out var current))
        {
            switch (current.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in current.EnumerateObject())
                    {
                        pending.Push(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in current.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    break;
                case JsonValueKind.String:
                    yield return current.GetString()!;
                    break;
                case JsonValueKind.Number:
                    yield return current.GetRawText();
                    break;
            }
        }
    }
}
