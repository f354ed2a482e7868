namespace Sightline.Core.Identity;

/// <summary>
/// A typed, normalized identifier such as <c>email:ana@shop.es</c> or <c>phone:+34600123456</c>.
/// Types are lower-case; values are already normalized for their type.
/// </summary>
public readonly record struct Identifier(string Type, string Value)
{
    public override string ToString() => $"{Type}:{Value}";

    /// <summary>Parses <c>type:value</c>; the value may itself contain colons.</summary>
    public static bool TryParse(string text, out Identifier identifier)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        identifier = colon > 0 && colon < text.Length - 1 ? new Identifier(text[..colon], text[(colon + 1)..]) : default;
        return colon > 0 && colon < text.Length - 1;
    }
}
