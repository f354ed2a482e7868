using System.Text.Json;
using Sightline.Core.Events;

namespace Sightline.Core.ComputedTraits;

/// <summary>
/// A dotted path to a value in an event. Plain paths start in <c>properties</c> (<c>traits</c> for identify and
/// group); a path starting with <c>$.</c> starts at the message itself (<c>$.context.campaign.source</c>, <c>$.name</c>).
/// </summary>
public sealed record PropertyPath
{
    private const string RootPrefix = "$.";

    // As UTF-8: every event a trait reads looks them up, and a name given as a string is transcoded at each lookup.
    private readonly byte[][] _segments;

    private PropertyPath(string text, bool fromRoot, string[] segments)
    {
        Text = text;
        FromRoot = fromRoot;
        _segments = [.. segments.Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    /// <summary>The path as written, such as <c>total</c> or <c>$.context.page.url</c>.</summary>
    public string Text { get; }

    public bool FromRoot { get; }

    /// <summary>Reads a path; null when it has an empty segment.</summary>
    public static PropertyPath? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fromRoot = text.StartsWith(RootPrefix, StringComparison.Ordinal);
        var segments = (fromRoot ? text[RootPrefix.Length..] : text).Split('.');
        return segments.Any(s => s.Length == 0) ? null : new PropertyPath(text, fromRoot, segments);
    }

    /// <summary>The value at the path; false when some segment is missing or the value is null.</summary>
    internal bool TryRead(TraitEvent message, out JsonElement value)
    {
        value = FromRoot ? message.Root : message.Body;
        foreach (var segment in _segments)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

    public bool Equals(PropertyPath? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    internal static bool BodyIsTraits(MessageType type) => type is MessageType.Identify or MessageType.Group;
}
