using Sightline.Core.Events;
using Sightline.Core.Storage;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Baseline;

/// <summary>
/// Log entries built before any clock starts: the very messages the HTTP phase sends, parsed once
/// by the server's own parser so their stored JSON is byte for byte the size the server writes,
/// then given distinct ids (a repeated id would be skipped by the log and flatter the baseline).
/// </summary>
internal static class RawEvents
{
    /// <summary>The source id the baseline's fresh database gives its only source.</summary>
    public const long SourceId = 1;

    private const uint Run = 0xba5e0000;

    public static LogEntry[] Build(BatchSet bodies, int count)
    {
        var parser = new MessageParser(new IngestionLimits());
        var receivedAt = DateTimeOffset.UtcNow;
        var templates = new List<EventMessage>();
        foreach (var body in bodies.All)
        {
            body.AssignIds(Run, templates.Count);
            var parsed = parser.Parse(body.Bytes, null, receivedAt);
            if (parsed.Rejected.Count > 0 || parsed.Accepted.Count != body.Count)
            {
                var first = parsed.Rejected.Count > 0 ? parsed.Rejected[0] : null;
                throw new InvalidOperationException($"The sample events do not all parse: {first?.Field} {first?.Reason}");
            }

            templates.AddRange(parsed.Accepted);
        }

        var entries = new LogEntry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new LogEntry(SourceId, templates[i % templates.Count] with { MessageId = MessageIds.Format(Run, i) });
        }

        return entries;
    }
}
