using System.Text;
using System.Text.Json;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.ComputedTraits;

/// <summary>Messages as the log stores them, and traits built in code, for the computed trait tests.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int s_next;

    public static EventMessage Track(string name, DateTimeOffset at, string properties = "{}", string? id = null) =>
        Message(MessageType.Track, $$"""{"type":"track","event":{{JsonSerializer.Serialize(name)}},"properties":{{properties}}}""", at, id);

    public static EventMessage Page(string name, DateTimeOffset at, string properties = "{}") =>
        Message(MessageType.Page, $$"""{"type":"page","name":{{JsonSerializer.Serialize(name)}},"properties":{{properties}}}""", at, null);

    public static EventMessage Identify(DateTimeOffset at, string traits) =>
        Message(MessageType.Identify, $$"""{"type":"identify","traits":{{traits}}}""", at, null);

    public static ComputedTrait Trait(Aggregation aggregation, string? property = null, int? window = null, RatePeriod? per = null, params string[] events) =>
        new(new TraitDefinition
        {
            Name = "t",
            Aggregation = aggregation,
            Events = events.Length == 0 ? ["A"] : events,
            Property = property is null ? null : PropertyPath.TryParse(property),
            WindowDays = window,
            Per = per,
        });

    /// <summary>The state after applying <paramref name="events"/> and its value at <paramref name="now"/>.</summary>
    public static ComputedValue ValueOf(ComputedTrait trait, DateTimeOffset now, params EventMessage[] events) =>
        trait.Value(trait.Recompute(events), now);

    private static EventMessage Message(MessageType type, string json, DateTimeOffset at, string? id) => new()
    {
        Type = type,
        MessageId = id ?? $"m{Interlocked.Increment(ref s_next):D8}",
        Timestamp = at,
        ReceivedAt = at,
        Json = Encoding.UTF8.GetBytes(json),
    };
}
