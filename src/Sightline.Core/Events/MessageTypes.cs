namespace Sightline.Core.Events;

/// <summary>Names of <see cref="MessageType"/> as they appear on the wire and in the log.</summary>
public static class MessageTypes
{
    /// <summary>The lower-case wire name of a call type (<c>track</c>, <c>identify</c>, …).</summary>
    public static string Name(MessageType type) => type switch
    {
        MessageType.Identify => "identify",
        MessageType.Track => "track",
        MessageType.Page => "page",
        MessageType.Screen => "screen",
        MessageType.Group => "group",
        MessageType.Alias => "alias",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a name known to be valid, such as one read back from the log.</summary>
    public static MessageType Parse(string name) =>
        TryParse(name, out var type) ? type : throw new FormatException($"\"{name}\" is not a message type.");

    /// <summary>Parses a wire name, case-sensitively as the spec writes them.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out MessageType type)
    {
        switch (name)
        {
            case "identify": type = MessageType.Identify; return true;
            case "track": type = MessageType.Track; return true;
            case "page": type = MessageType.Page; return true;
            case "screen": type = MessageType.Screen; return true;
            case "group": type = MessageType.Group; return true;
            case "alias": type = MessageType.Alias; return true;
            default: type = default; return false;
        }
    }
}
