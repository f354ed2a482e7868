using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using static Sightline.Core.Tests.ComputedTraits.TestEvents;

namespace Sightline.Core.Tests.ComputedTraits;

/// <summary>
/// Every aggregation, windowed and all-time, over random event histories: arrival order never matters, merging two
/// profiles' states equals tallying both histories, expiry keeps exactly the window's events, and storage loses nothing.
/// </summary>
public sealed class ComputedTraitProperties
{
    private const long Iterations = 300;
    private const int Window = 30;

    private static readonly ComputedTrait[] Traits =
    [
        .. new int?[] { null, Window }.SelectMany(window => new[]
        {
            Trait(Aggregation.Count, window: window),
            Trait(Aggregation.Sum, "v", window),
            Trait(Aggregation.Average, "v", window),
            Trait(Aggregation.Min, "v", window),
            Trait(Aggregation.Max, "v", window),
            Trait(Aggregation.First, "v", window),
            Trait(Aggregation.First, window: window),
            Trait(Aggregation.Last, "v", window),
            Trait(Aggregation.Last, window: window),
            Trait(Aggregation.MostFrequent, "v", window),
            Trait(Aggregation.DistinctValues, "v", window),
            Trait(Aggregation.DistinctCount, "v", window),
            Trait(Aggregation.DaysSince, window: window),
        }),
        Trait(Aggregation.Rate, window: Window, per: RatePeriod.Month),
        Trait(Aggregation.Rate, window: Window, per: RatePeriod.ActiveDay),
    ];

    // Few days, few moments and few values, so that days, moments and values collide often.
    private static readonly Gen<EventMessage[]> Histories =
        Gen.Select(Gen.Int[0, 100], Gen.OneOf(Gen.Const(0), Gen.Const(3600), Gen.Int[0, 86_399]), Gen.OneOf(Gen.Const("A"), Gen.Const("B")), Gen.Int[0, 3], Gen.Int[-3, 9])
            .Array[0, 40]
            .Select(events => events.Select((e, i) => Track(e.Item3, Start.AddDays(e.Item1).AddSeconds(e.Item2), Properties(e.Item4, e.Item5), $"m{i:D3}")).ToArray());

    [Fact]
    public void Applying_in_any_order_gives_the_state_of_applying_in_time_order() =>
        Gen.Select(Histories, Gen.Int).Sample((events, seed) =>
        {
            var sorted = events.OrderBy(e => e.Timestamp).ThenBy(e => e.MessageId, StringComparer.Ordinal).ToArray();
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            foreach (var trait in Traits)
            {
                Shape(trait.Recompute(shuffled)).ShouldBe(Shape(trait.Recompute(sorted)), Label(trait));
            }
        }, iter: Iterations);

    [Fact]
    public void Combining_two_states_gives_the_state_of_all_their_events() =>
        Gen.Select(Histories, Gen.Int).Sample((events, seed) =>
        {
            var random = new Random(seed);
            var split = events.ToLookup(_ => random.Next(2) == 0);
            foreach (var trait in Traits)
            {
                var a = trait.Recompute(split[true]);
                var b = trait.Recompute(split[false]);
                var expected = Shape(trait.Recompute(events));
                Shape(trait.Combine(a, b)).ShouldBe(expected, Label(trait));
                Shape(trait.Combine(b, a)).ShouldBe(expected, Label(trait));
            }
        }, iter: Iterations);

    [Fact]
    public void Expiring_then_reading_gives_the_value_of_the_windows_events_alone() =>
        Gen.Select(Histories, Gen.Int[0, 60 * 24]).Sample((events, hours) =>
        {
            var newest = events.Length == 0 ? Start : events.Max(e => e.Timestamp);
            var now = newest.AddHours(hours);
            var inWindow = events.Where(e => ComputedTrait.DayOf(e.Timestamp) > ComputedTrait.DayOf(now) - Window).ToArray();
            foreach (var trait in Traits)
            {
                var state = trait.Recompute(events);
                var unexpired = trait.Value(state, now);
                trait.Expire(state, now);
                var expected = trait.Value(trait.Recompute(trait.Definition.WindowDays is null ? events : inWindow), now);
                trait.Value(state, now).ShouldBe(expected, Label(trait));
                unexpired.ShouldBe(expected, Label(trait));
            }
        }, iter: Iterations);

    [Fact]
    public void A_value_stays_the_same_until_the_moment_it_may_change() =>
        Gen.Select(Histories, Gen.Int[0, 60 * 24], Gen.Double[0, 0.999]).Sample((events, hours, fraction) =>
        {
            var newest = events.Length == 0 ? Start : events.Max(e => e.Timestamp);
            var now = newest.AddHours(hours);
            foreach (var trait in Traits)
            {
                var state = trait.Recompute(events);
                var value = trait.Value(state, now);
                var changesAt = trait.ChangesAt(state, now);
                var until = changesAt ?? now.AddDays(1000);
                (until > now).ShouldBeTrue(Label(trait));
                trait.Value(state, until.AddTicks(-1)).ShouldBe(value, Label(trait));
                trait.Value(state, now + ((until - now) * fraction)).ShouldBe(value, Label(trait));
            }
        }, iter: Iterations);

    [Fact]
    public void A_stored_state_reads_back_the_same() =>
        Histories.Sample(events =>
        {
            foreach (var trait in Traits)
            {
                var state = trait.Recompute(events);
                Shape(TraitState.FromJson(state.ToJson())).ShouldBe(Shape(state), Label(trait));
            }
        }, iter: Iterations);

    [Fact]
    public void A_state_is_stored_as_the_serializer_wrote_it() =>
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 86_399], Gen.OneOf(Gen.Const("A"), Gen.Const("B")), Values, Gen.String)
            .Array[0, 30]
            .Select(events => events.Select(e => Track(e.Item3, Start.AddDays(e.Item1).AddSeconds(e.Item2), $$"""{"v": {{e.Item4}}}""", e.Item5)).ToArray())
            .Sample(events =>
            {
                foreach (var trait in Traits)
                {
                    var state = trait.Recompute(events);
                    state.ToJson().ShouldBe(JsonSerializer.SerializeToUtf8Bytes(state, TraitStateJson.Default.TraitState), Label(trait));
                }
            }, iter: Iterations);

    // Property values as JSON: text of any characters (escaping), numbers of any scale, flags.
    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.String.Select(text => JsonSerializer.Serialize(text)),
        Gen.Decimal.Select(number => number.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[-5, 5].Select(number => number.ToString(CultureInfo.InvariantCulture)),
        Gen.Bool.Select(flag => flag ? "true" : "false"));

    private static string Properties(int kind, int n) => kind switch
    {
        0 => "{}",
        1 => $$"""{"v": {{n}}}""",
        2 => $$"""{"v": "x{{n % 4}}"}""",
        _ => $$"""{"v": "{{n}}.5"}""",
    };

    /// <summary>Every tally field in a canonical text form: equal exactly when the states are.</summary>
    private static string Shape(TraitState state)
    {
        var text = new StringBuilder(state.Fingerprint);
        foreach (var t in state.Buckets)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{t.Day} n={t.Count} s={Number(t.Sum)} min={Number(t.Min)} max={Number(t.Max)} first={Seen(t.First)} last={Seen(t.Last)} trunc={t.Truncated} values=");
            text.AppendJoin(',', (t.Values ?? []).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value}"));
        }

        return text.ToString();
    }

    // 0.0 and 0 are the same number; JSON may write either.
    private static string Number(decimal? n) => n is { } d ? (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "";

    private static string Label(ComputedTrait trait) =>
        $"{trait.Definition.Aggregation} of {trait.Definition.Property?.Text ?? "events"} over {trait.Definition.WindowDays?.ToString(CultureInfo.InvariantCulture) ?? "all"} days";

    private static string Seen(Observation? o) => o is null ? "-" : $"{o.At.UtcTicks}/{o.Id}/{o.Value.Kind}:{o.Value}";
}
