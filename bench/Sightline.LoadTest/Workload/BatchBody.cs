using System.Text;
using System.Text.Json;

namespace Sightline.LoadTest.Workload;

/// <summary>
/// A pre-rendered <c>POST /v1/batch</c> body whose ids are fixed-width slots: giving it a new range of ids
/// rewrites 20 bytes per slot in place, so no JSON is built while the clock runs. Every message has its messageId
/// in a slot; a new visitor's message also its anonymousId.
/// </summary>
internal sealed class BatchBody
{
    private static readonly byte[] PlaceholderBytes = Encoding.ASCII.GetBytes(MessageIds.Placeholder);

    private readonly int[] _idOffsets;

    private BatchBody(byte[] bytes, int[] idOffsets, int count)
    {
        Bytes = bytes;
        _idOffsets = idOffsets;
        Count = count;
    }

    /// <summary>The body as sent; only valid JSON after <see cref="AssignIds"/>.</summary>
    public byte[] Bytes { get; }

    /// <summary>Messages in the batch.</summary>
    public int Count { get; }

    /// <summary>Ids one <see cref="AssignIds"/> writes: one per message, and one per new visitor's anonymousId.</summary>
    public int Slots => _idOffsets.Length;

    /// <summary>Renders Segment's batch envelope around messages that each hold at least one id placeholder.</summary>
    public static BatchBody Render(IReadOnlyList<byte[]> messages, string writeKey, DateTimeOffset sentAt)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SampleEvents.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("batch");
            foreach (var message in messages)
            {
                writer.WriteRawValue(message, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("writeKey", writeKey);
            writer.WriteString("sentAt", sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        var bytes = stream.ToArray();
        var offsets = new List<int>(messages.Count);
        var searchFrom = 0;
        while (bytes.AsSpan(searchFrom).IndexOf(PlaceholderBytes) is var found and >= 0)
        {
            offsets.Add(searchFrom + found);
            searchFrom += found + PlaceholderBytes.Length;
        }

        if (offsets.Count < messages.Count)
        {
            throw new InvalidOperationException($"Expected at least {messages.Count} id placeholders, found {offsets.Count}.");
        }

        return new BatchBody(bytes, [.. offsets], messages.Count);
    }

    /// <summary>Gives the slots the ids <paramref name="firstSequence"/>, <paramref name="firstSequence"/> + 1, … (<see cref="Slots"/> of them).</summary>
    public void AssignIds(uint run, long firstSequence)
    {
        for (var i = 0; i < _idOffsets.Length; i++)
        {
            MessageIds.Write(Bytes.AsSpan(_idOffsets[i], PlaceholderBytes.Length), run, firstSequence + i);
        }
    }
}
