using System.Text.Json;

namespace Sightline.Core.Import;

/// <summary>Values placed by dotted path ("address.city"), written as nested JSON objects in the order first set.</summary>
internal sealed class JsonTree
{
    private readonly List<(string Name, object? Value)> _children = [];

    public bool IsEmpty => _children.Count == 0;

    /// <summary>Sets a value; null removes nothing and adds nothing, so an empty optional column leaves no trace.</summary>
    public void Set(string path, object? value)
    {
        if (value is null)
        {
            return;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            var at = _children.FindIndex(c => c.Name == path);
            if (at >= 0)
            {
                _children[at] = (path, value);
            }
            else
            {
                _children.Add((path, value));
            }

            return;
        }

        var head = path[..dot];
        var index = _children.FindIndex(c => c.Name == head && c.Value is JsonTree);
        JsonTree child;
        if (index >= 0)
        {
            child = (JsonTree)_children[index].Value!;
        }
        else
        {
            child = new JsonTree();
            _children.Add((head, child));
        }

        child.Set(path[(dot + 1)..], value);
    }

    /// <summary>Adds <paramref name="other"/>'s values, replacing any of the same name.</summary>
    public void Merge(JsonTree other)
    {
        foreach (var (name, value) in other._children)
        {
            Set(name, value);
        }
    }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in _children)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case JsonTree tree: tree.Write(writer); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case long whole: writer.WriteNumberValue(whole); break;
                case decimal number: writer.WriteNumberValue(number); break;
                case DateTimeOffset moment: writer.WriteStringValue(moment); break;
                default: writer.WriteStringValue(value?.ToString()); break;
            }
        }

        writer.WriteEndObject();
    }
}
