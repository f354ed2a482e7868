using System.Text.Json;
using System.Text.Unicode;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>
/// What the log relies on of every message it stores and of every rejection it quarantines, checked after each
/// generated input. Each method returns what is wrong, or null.
/// </summary>
public static class StoredMessageChecks
{
    /// <summary>Parses <paramref name="body"/> and checks the outcome; an exception is a failure like any other.</summary>
    public static (ParsedRequest? Result, string? Failure) Parse(MessageParser parser, byte[] body, MessageType? type, DateTimeOffset receivedAt, IngestionLimits limits)
    {
        ParsedRequest result;
        try
        {
            result = parser.Parse(body, type, receivedAt);
        }
#pragma warning disable CA1031 // A crash is exactly what the fuzzer looks for; it is reported, not rethrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, $"the parser threw {e.GetType().Name}: {e.Message}");
        }

        return (result, Check(parser, result, limits));
    }

    public static string? Check(MessageParser parser, ParsedRequest result, IngestionLimits limits)
    {
        if (result.RequestRejected && (result.Accepted.Count > 0 || result.Rejected is not [{ Index: null }]))
        {
            return "a request rejected whole must have no accepted messages and one rejection without an index";
        }

        foreach (var rejection in result.Rejected)
        {
            if (Rejection(rejection) is { } problem)
            {
                return problem;
            }
        }

        foreach (var message in result.Accepted)
        {
            if (Message(parser, message, limits) is { } problem)
            {
                return $"accepted message {message.MessageId}: {problem}";
            }
        }

        return null;
    }

    public static string? Rejection(Rejection rejection) =>
        string.IsNullOrWhiteSpace(rejection.Field) || string.IsNullOrWhiteSpace(rejection.Reason)
            ? $"a rejection without a field or a reason: {rejection}"
            : rejection.RawPayload is null ? "a rejection without its raw payload" : null;

    /// <summary>An accepted message: JSON the pipeline can read, agreeing with its columns, and accepted again as it stands.</summary>
    public static string? Message(MessageParser parser, EventMessage message, IngestionLimits limits)
    {
        if (message.MessageId is not { Length: > 0 and <= 256 })
        {
            return "the message id is empty or longer than 256 characters";
        }

        if (message.Json.Length > limits.MaxMessageBytes + MessageParser.ServerFieldsBytes)
        {
            return $"{message.Json.Length} bytes stored, over the {limits.MaxMessageBytes}-byte limit";
        }

        if (!Utf8.IsValid(message.Json))
        {
            return "the stored JSON is not valid UTF-8";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Json, new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
        }
        catch (JsonException e)
        {
            return $"the stored JSON does not parse: {e.Message}";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the stored JSON is not an object";
            }

            if (Text(root) is { } text)
            {
                return text;
            }

            if (String(root, "type") != MessageTypes.Name(message.Type) || String(root, "messageId") != message.MessageId)
            {
                return "type or messageId in the JSON differ from the columns";
            }

            if (String(root, "timestamp") != Timestamps.Format(message.Timestamp) || String(root, "receivedAt") != Timestamps.Format(message.ReceivedAt))
            {
                return "timestamp or receivedAt in the JSON differ from the columns";
            }
        }

        var stored = new MessageParser(limits with { MaxMessageBytes = limits.MaxMessageBytes + MessageParser.ServerFieldsBytes });
        var again = (parser.RequireUserOrAnonymousId ? stored : stored.ForImports()).Parse(message.Json, message.Type, ReceivedAgain(message.Json, message.ReceivedAt));
        if (again.Accepted is not [var reparsed])
        {
            return $"stored as it is, it is rejected: {string.Join("; ", again.Rejected.Select(r => $"{r.Field}: {r.Reason}"))}";
        }

        return (reparsed.MessageId, reparsed.UserId, reparsed.AnonymousId, Timestamps.Format(reparsed.Timestamp)) != (message.MessageId, message.UserId, message.AnonymousId, Timestamps.Format(message.Timestamp))
            ? "parsed again, its ids or its time differ"
            : null;
    }

    /// <summary>An event read back from the log: what <see cref="Message"/> checks, with the ids the JSON itself gives.</summary>
    public static string? Logged(MessageParser parser, Storage.LoggedEvent logged, IngestionLimits limits)
    {
        var stored = new MessageParser(limits with { MaxMessageBytes = limits.MaxMessageBytes + MessageParser.ServerFieldsBytes });
        var again = (parser.RequireUserOrAnonymousId ? stored : stored.ForImports()).Parse(logged.Json.ToArray(), logged.Type, ReceivedAgain(logged.Json.ToArray(), logged.ReceivedAt));
        return again.Accepted is [var ids]
            ? Message(parser, new EventMessage
            {
                Type = logged.Type,
                MessageId = logged.MessageId,
                UserId = ids.UserId,
                AnonymousId = ids.AnonymousId,
                Timestamp = logged.Timestamp,
                ReceivedAt = logged.ReceivedAt,
                Json = logged.Json.ToArray(),
            }, limits)
            : $"event {logged.Sequence} in the log is rejected when read back: {again.Rejected[0].Field}: {again.Rejected[0].Reason}";
    }

    /// <summary>Every property name and string decodes to text (no lone surrogate) and no object repeats a name.</summary>
    private static string? Text(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return "a property name is not valid Unicode";
                    }

                    if (!names.Add(name))
                    {
                        return $"the property \"{name}\" appears twice in one object";
                    }

                    if (Text(property.Value) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Text(item) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return "a string is not valid Unicode";
                }

            default:
                return null;
        }
    }

    /// <summary>Parsed again, a message is corrected for clock skew again; received at its own sentAt, the correction is nil.</summary>
    private static DateTimeOffset ReceivedAgain(byte[] json, DateTimeOffset receivedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return String(document.RootElement, "sentAt") is { } sentAt ? DateTimeOffset.Parse(sentAt, System.Globalization.CultureInfo.InvariantCulture) : receivedAt;
        }
        catch (JsonException)
        {
            return receivedAt;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
