using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Sightline.Core.Events;

/// <summary>
/// Turns the body of a Segment tracking API request into normalized messages and rejections.
/// Every call type and the batch form run through here, so live clients are validated one way.
/// </summary>
public sealed class MessageParser(IngestionLimits limits)
{
    /// <summary>Room for what the server adds to a message (type, message id, four timestamps) beyond the size limit.</summary>
    public const int ServerFieldsBytes = 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Stored JSON is never embedded in HTML, so keep non-ASCII names readable and compact.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The Segment spec wants a userId or an anonymousId on every message; an imported row is tied to its person by
    /// whichever identifier it has (an e-mail, a loyalty card), which its mapping has already checked.
    /// </summary>
    public bool RequireUserOrAnonymousId { get; private init; } = true;

    /// <summary>A parser for import rows: the same rules and limits, without the userId/anonymousId requirement.</summary>
    public MessageParser ForImports() => new(limits) { RequireUserOrAnonymousId = false };

    /// <summary>Parses a body. <paramref name="callType"/> is the route's type, or null for a batch.</summary>
    public ParsedRequest Parse(ReadOnlyMemory<byte> body, MessageType? callType, DateTimeOffset receivedAt)
    {
        if (body.Length > limits.MaxRequestBytes)
        {
            return RejectRequest(body, "body", $"the request is {body.Length} bytes; the limit is {limits.MaxRequestBytes} bytes");
        }

        // JsonDocument checks structure, not the bytes inside strings; check those once, up front.
        if (!Utf8.IsValid(body.Span))
        {
            return RejectRequest(body, "body", "is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            // A name given twice is read as its last value here and may be read as its first elsewhere; refuse it.
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = limits.MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return RejectRequest(body, "body", $"invalid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // Comparing names for duplicates decodes them; a name with a lone surrogate escape cannot be.
            return RejectRequest(body, "body", NotUnicode);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return RejectRequest(body, "body", "must be a JSON object");
            }

            var hasKey = root.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String;
            if (hasKey && HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(key)))
            {
                return RejectRequest(body, "writeKey", NotUnicode);
            }

            var writeKey = hasKey ? key.GetString() : null;
            var accepted = new List<EventMessage>();
            var rejected = new List<Rejection>();
            var buffer = new ArrayBufferWriter<byte>(4096);
            // One writer for the request's messages, reset onto the buffer for each: a writer per message was 2% of
            // what the server allocates under load.
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);

            if (callType is { } type)
            {
                ParseMessage(root, 0, type, default, buffer, writer, receivedAt, accepted, rejected);
                return new ParsedRequest { WriteKey = writeKey, Accepted = accepted, Rejected = rejected };
            }

            if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
            {
                return RejectRequest(body, "batch", "is required and must be an array of messages", writeKey);
            }

            var outer = new Envelope(
                Optional(root, "context"),
                Optional(root, "integrations"),
                Optional(root, "sentAt"));
            if (outer.Context is { ValueKind: not JsonValueKind.Object })
            {
                return RejectRequest(body, "context", "must be an object", writeKey);
            }

            if (outer.Integrations is { ValueKind: not JsonValueKind.Object })
            {
                return RejectRequest(body, "integrations", "must be an object", writeKey);
            }

            // Both are copied into every message of the batch.
            if (outer.Context is { } context && HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(context)))
            {
                return RejectRequest(body, "context", NotUnicode, writeKey);
            }

            if (outer.Integrations is { } integrations && HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(integrations)))
            {
                return RejectRequest(body, "integrations", NotUnicode, writeKey);
            }

            if (outer.SentAt is { } sentAt && !TryParseTime(sentAt, out _))
            {
                return RejectRequest(body, "sentAt", "must be an ISO 8601 date-time string", writeKey);
            }

            var index = 0;
            foreach (var item in batch.EnumerateArray())
            {
                ParseMessage(item, index++, null, outer, buffer, writer, receivedAt, accepted, rejected);
            }

            return new ParsedRequest { WriteKey = writeKey, Accepted = accepted, Rejected = rejected };
        }
    }

    private void ParseMessage(
        JsonElement message,
        int index,
        MessageType? callType,
        Envelope outer,
        ArrayBufferWriter<byte> buffer,
        Utf8JsonWriter writer,
        DateTimeOffset receivedAt,
        List<EventMessage> accepted,
        List<Rejection> rejected)
    {
        var raw = JsonMarshal.GetRawUtf8Value(message);
        EventMessage? result;
        string? messageId;
        Failure failure;
        if (HasLoneSurrogate(raw))
        {
            // Checked before anything is read: the stored copy must be text every later reader can decode.
            (result, messageId, failure) = (null, null, new Failure("message", NotUnicode));
        }
        else
        {
            result = TryParseMessage(message, raw.Length, callType, outer, buffer, writer, receivedAt, out messageId, out failure);
        }

        if (result is not null)
        {
            accepted.Add(result);
        }
        else
        {
            rejected.Add(new Rejection(index, messageId, failure.Field, failure.Reason) { RawPayload = raw.ToArray() });
        }
    }

    private EventMessage? TryParseMessage(
        JsonElement message,
        int rawLength,
        MessageType? callType,
        Envelope outer,
        ArrayBufferWriter<byte> buffer,
        Utf8JsonWriter writer,
        DateTimeOffset receivedAt,
        out string? messageId,
        out Failure failure)
    {
        messageId = null;
        failure = default;

        if (message.ValueKind != JsonValueKind.Object)
        {
            return Fail(out failure, "message", "must be a JSON object");
        }

        if (Optional(message, "messageId") is { } id)
        {
            if (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= 256 } value)
            {
                return Fail(out failure, "messageId", "must be a non-empty string of at most 256 characters");
            }

            messageId = value;
        }

        if (rawLength > limits.MaxMessageBytes)
        {
            return Fail(out failure, "message", $"the message is {rawLength} bytes; the limit is {limits.MaxMessageBytes} bytes");
        }

        MessageType type;
        if (callType is { } routeType)
        {
            type = routeType;
        }
        else if (Optional(message, "type") is not { ValueKind: JsonValueKind.String } typeName)
        {
            return Fail(out failure, "type", "is required in a batch item (identify, track, page, screen, group or alias)");
        }
        else if (!MessageTypes.TryParse(typeName.GetString(), out type))
        {
            return Fail(out failure, "type", $"\"{typeName.GetString()}\" is not one of identify, track, page, screen, group, alias");
        }

        if (!TryReadId(message, "userId", out var userId) || !TryReadId(message, "anonymousId", out var anonymousId))
        {
            return Fail(out failure, userId is null ? "userId" : "anonymousId", "must be a string or a number");
        }

        if (Validate(message, type, userId, anonymousId) is { } problem)
        {
            return Fail(out failure, problem.Field, problem.Reason);
        }

        var envelope = new Envelope(
            Optional(message, "context"),
            Optional(message, "integrations"),
            Optional(message, "sentAt") ?? outer.SentAt);

        if (!TryReadTime(message, "originalTimestamp", out var originalTimestamp))
        {
            return Fail(out failure, "originalTimestamp", "must be an ISO 8601 date-time string");
        }

        if (!TryReadTime(message, "timestamp", out var callerTimestamp))
        {
            return Fail(out failure, "timestamp", "must be an ISO 8601 date-time string");
        }

        // A timestamp the caller set (an import of past events) is when it happened; originalTimestamp
        // is when the SDK was called. RudderStack's SDK sends both, Segment's and analytics.js one.
        var clientTime = callerTimestamp ?? originalTimestamp;

        DateTimeOffset? sentAt = null;
        if (envelope.SentAt is { } sent)
        {
            if (!TryParseTime(sent, out var parsed))
            {
                return Fail(out failure, "sentAt", "must be an ISO 8601 date-time string");
            }

            sentAt = parsed;
        }

        // Segment's clock-skew correction: the device clock may be wrong, but the gap between
        // the event and the send is measured on that same clock, so anchor it to our receipt time.
        var timestamp = clientTime ?? receivedAt;
        if (clientTime is { } happened && sentAt is { } sentTime && !TryCorrectSkew(receivedAt, sentTime - happened, out timestamp))
        {
            return Fail(out failure, "sentAt", "is so far from the event's time that the corrected time is not a date (years 1 to 9999)");
        }

        messageId ??= "sl-" + Guid.CreateVersion7(receivedAt).ToString("N");

        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        WriteNormalized(writer, message, type, messageId, originalTimestamp ?? callerTimestamp, sentAt, timestamp, receivedAt, outer, envelope);
        writer.Flush();

        // What is stored can outgrow what was sent: the batch's context is copied into every message, and the writer
        // escapes what the sender did not (an emoji becomes twelve bytes). The limit holds for what is stored.
        if (buffer.WrittenCount > limits.MaxMessageBytes + ServerFieldsBytes)
        {
            return Fail(out failure, "message", $"as stored (with the batch's context, escaped) the message is {buffer.WrittenCount} bytes; the limit is {limits.MaxMessageBytes} bytes");
        }

        return new EventMessage
        {
            Type = type,
            MessageId = messageId,
            UserId = userId,
            AnonymousId = anonymousId,
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
            Json = buffer.WrittenSpan.ToArray(),
        };
    }

    private (string Field, string Reason)? Validate(JsonElement message, MessageType type, string? userId, string? anonymousId)
    {
        foreach (var field in (ReadOnlySpan<string>)["context", "integrations", "properties", "traits"])
        {
            if (Optional(message, field) is { ValueKind: not JsonValueKind.Object })
            {
                return (field, "must be an object");
            }
        }

        switch (type)
        {
            case MessageType.Alias:
                if (!TryReadId(message, "previousId", out var previousId) || previousId is null)
                {
                    return ("previousId", "is required for alias and must be a string or a number");
                }

                if (userId is null)
                {
                    return ("userId", "is required for alias");
                }

                return null;
            case MessageType.Track:
                if (Optional(message, "event") is not { ValueKind: JsonValueKind.String } name || name.GetString() is not { Length: > 0 })
                {
                    return ("event", "is required for track and must be a non-empty string");
                }

                break;
            case MessageType.Group:
                if (!TryReadId(message, "groupId", out var groupId) || groupId is null)
                {
                    return ("groupId", "is required for group and must be a string or a number");
                }

                break;
            case MessageType.Page or MessageType.Screen:
                if (Optional(message, "name") is { ValueKind: not JsonValueKind.String })
                {
                    return ("name", "must be a string");
                }

                break;
        }

        return userId is null && anonymousId is null && RequireUserOrAnonymousId
            ? ("userId", "either userId or anonymousId is required")
            : null;
    }

    private static void WriteNormalized(
        Utf8JsonWriter writer,
        JsonElement message,
        MessageType type,
        string messageId,
        DateTimeOffset? originalTimestamp,
        DateTimeOffset? sentAt,
        DateTimeOffset timestamp,
        DateTimeOffset receivedAt,
        Envelope outer,
        Envelope inner)
    {
        writer.WriteStartObject();
        writer.WriteString("type", MessageTypes.Name(type));
        writer.WriteString("messageId", messageId);
        foreach (var property in message.EnumerateObject())
        {
            if (!IsRewritten(property))
            {
                property.WriteTo(writer);
            }
        }

        WriteObject(writer, "context", outer.Context, inner.Context);
        WriteObject(writer, "integrations", outer.Integrations, inner.Integrations);
        if (originalTimestamp is { } original)
        {
            Timestamps.Write(writer, "originalTimestamp"u8, original);
        }

        if (sentAt is { } sent)
        {
            Timestamps.Write(writer, "sentAt"u8, sent);
        }

        Timestamps.Write(writer, "timestamp"u8, timestamp);
        Timestamps.Write(writer, "receivedAt"u8, receivedAt);
        writer.WriteEndObject();
    }

    // Compared as UTF-8 so that copying a message allocates no property-name strings.
    private static bool IsRewritten(JsonProperty property) =>
        property.NameEquals("type"u8) || property.NameEquals("messageId"u8) || property.NameEquals("writeKey"u8)
        || property.NameEquals("context"u8) || property.NameEquals("integrations"u8)
        || property.NameEquals("originalTimestamp"u8) || property.NameEquals("timestamp"u8)
        || property.NameEquals("sentAt"u8) || property.NameEquals("receivedAt"u8);

    private static void WriteObject(Utf8JsonWriter writer, string name, JsonElement? outer, JsonElement? inner)
    {
        var outerObject = outer is { ValueKind: JsonValueKind.Object } o ? o : (JsonElement?)null;
        var innerObject = inner is { ValueKind: JsonValueKind.Object } i ? i : (JsonElement?)null;
        if (outerObject is null && innerObject is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        if (outerObject is { } a && innerObject is { } b)
        {
            WriteMerged(writer, a, b);
        }
        else
        {
            (outerObject ?? innerObject)!.Value.WriteTo(writer);
        }
    }

    /// <summary>Deep-merges two objects; the message's own values win over the batch's.</summary>
    private static void WriteMerged(Utf8JsonWriter writer, JsonElement outer, JsonElement inner)
    {
        writer.WriteStartObject();
        foreach (var property in outer.EnumerateObject())
        {
            if (!inner.TryGetProperty(property.Name, out var own))
            {
                property.WriteTo(writer);
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && own.ValueKind == JsonValueKind.Object)
            {
                writer.WritePropertyName(property.Name);
                WriteMerged(writer, property.Value, own);
            }
        }

        foreach (var property in inner.EnumerateObject())
        {
            if (!(outer.TryGetProperty(property.Name, out var shared)
                  && shared.ValueKind == JsonValueKind.Object
                  && property.Value.ValueKind == JsonValueKind.Object))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static bool TryReadId(JsonElement message, string name, out string? value)
    {
        value = null;
        switch (Optional(message, name))
        {
            case null:
                return true;
            case { ValueKind: JsonValueKind.String } text:
                value = text.GetString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null;
                return true;
            case { ValueKind: JsonValueKind.Number } number:
                value = number.GetRawText();
                return true;
            default:
                return false;
        }
    }

    /// <summary>A property's value, treating an explicit JSON null as absent.</summary>
    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>False when the field is present but not a date-time; an absent field reads as null.</summary>
    private static bool TryReadTime(JsonElement message, string field, out DateTimeOffset? time)
    {
        time = null;
        if (Optional(message, field) is not { } value)
        {
            return true;
        }

        if (!TryParseTime(value, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    private static bool TryParseTime(JsonElement value, out DateTimeOffset time)
    {
        time = default;
        // TryGetDateTimeOffset decodes the string first, and throws on a lone surrogate escape rather than saying no.
        if (value.ValueKind != JsonValueKind.String || HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(value)) || !value.TryGetDateTimeOffset(out time))
        {
            return false;
        }

        // A time written without an offset is taken as UTC, not as this server's local time.
        if (value.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            time = new DateTimeOffset(local, TimeSpan.Zero);
        }

        return true;
    }

    /// <summary>
    /// Whether valid JSON holds an escape such as <c>"\ud800"</c> without its pair: valid JSON, but not text, and every
    /// reader that decodes it throws. Raw surrogates cannot occur, as the body is valid UTF-8.
    /// </summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (json[i..].IndexOf((byte)'\\') is var next and >= 0)
        {
            // In valid JSON a backslash always starts an escape inside a string, so escapes can be read in one pass.
            i += next;
            if (json[i + 1] != (byte)'u')
            {
                i += 2;
                continue;
            }

            var code = Hex(json.Slice(i + 2, 4));
            i += 6;
            if (code is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (code is >= 0xD800 and <= 0xDBFF)
            {
                if (json.Length < i + 6 || json[i] != (byte)'\\' || json[i + 1] != (byte)'u' || Hex(json.Slice(i + 2, 4)) is < 0xDC00 or > 0xDFFF)
                {
                    return true;
                }

                i += 6;
            }
        }

        return false;
    }

    private static int Hex(ReadOnlySpan<byte> digits) => Utf8Parser.TryParse(digits, out int value, out _, 'X') ? value : -1;

    private static bool TryCorrectSkew(DateTimeOffset receivedAt, TimeSpan skew, out DateTimeOffset corrected)
    {
        var ticks = receivedAt.UtcTicks - skew.Ticks;
        var representable = ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;
        corrected = representable ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
        return representable;
    }

    private static ParsedRequest RejectRequest(ReadOnlyMemory<byte> body, string field, string reason, string? writeKey = null) => new()
    {
        WriteKey = writeKey,
        Accepted = [],
        Rejected = [new Rejection(null, null, field, reason) { RawPayload = body.ToArray() }],
        RequestRejected = true,
    };

    private static EventMessage? Fail(out Failure failure, string field, string reason)
    {
        failure = new Failure(field, reason);
        return null;
    }

    private const string NotUnicode = "contains a string that is not valid Unicode (a lone surrogate escape such as \\ud800)";

    private readonly record struct Failure(string Field, string Reason);

    private readonly record struct Envelope(JsonElement? Context, JsonElement? Integrations, JsonElement? SentAt);
}
