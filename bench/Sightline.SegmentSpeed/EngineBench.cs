using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Segments;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.SegmentSpeed;

/// <summary>
/// The product's own <see cref="SegmentEngine"/>: profiles fed through <see cref="SegmentEngine.Observe"/> as the
/// pipeline feeds them (an identify and a few track events each), then a full evaluation of the segments and a preview.
/// </summary>
internal static class EngineBench
{
    private static readonly string[] Countries = ["ES", "ES", "ES", "PT", "FR", "MX", "US", "españa"];
    private static readonly string[] Cities = ["Madrid", "Málaga", "Sevilla", "Ciudad Real", "Ciudad de México", "Lisboa", "Paris"];

    public static void Run(int profiles, DateTimeOffset now, IReadOnlyList<string> texts, Action<ProfileChanges>? firstChanges)
    {
        var engine = new SegmentEngine(new ComputedTraitSet(TraitDefinitionLoader.Defaults().Definitions));
        var source = new Source { Id = 1, Name = "web", Kind = SourceKind.CustomerDirect, Trust = 50, WriteKey = "k", CreatedAt = now };
        var random = new Random(7);
        var sequence = 0L;
        var events = 0L;
        var load = Stopwatch.StartNew();
        for (var profile = 1; profile <= profiles; profile++)
        {
            var country = Countries[random.Next(Countries.Length)];
            var city = Cities[random.Next(Cities.Length)];
            Observe($$$"""
                {"type":"identify","traits":{"country":"{{{country}}}","email":"p{{{profile}}}@{{{(random.Next(3) == 0 ? "gmail.com" : "example.com")}}}","vip":{{{(random.Next(10) == 0 ? "true" : "false")}}},
                 "address":{"city":"{{{city}}}"},"tags":["{{{(random.Next(4) == 0 ? "vip" : "newsletter")}}}"],"signed_up":"2025-{{{random.Next(1, 13):00}}}-01"},
                 "context":{"consent":{"categoryPreferences":{"email_marketing":{{{(random.Next(2) == 0 ? "true" : "false")}}} } } } }
                """, MessageType.Identify, now.AddDays(-random.Next(400)));
            for (var order = random.Next(6); order > 0; order--)
            {
                Observe($$$"""{"type":"track","event":"Order Completed","properties":{"total":{{{random.Next(5, 400)}}}}}""", MessageType.Track, now.AddDays(-random.Next(120)));
            }

            for (var open = random.Next(4); open > 0; open--)
            {
                Observe("""{"type":"track","event":"Email Opened","properties":{}}""", MessageType.Track, now.AddDays(-random.Next(180)));
            }

            void Observe(string json, MessageType type, DateTimeOffset at)
            {
                using var document = JsonDocument.Parse(json);
                var logged = new LoggedEvent
                {
                    Sequence = ++sequence, Source = "web", MessageId = sequence.ToString(CultureInfo.InvariantCulture), Type = type,
                    ReceivedAt = at, Timestamp = at, Json = Encoding.UTF8.GetBytes(json),
                };
                engine.Observe(new ProfileId(profile), logged, document.RootElement, source);
                events++;
            }
        }

        engine.Collect(new ProfileChanges(), now, evaluate: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: fed {profiles:N0} profiles ({events:N0} events) in {load.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(true) / 1e9:F2} GB"));
        engine.Define([.. texts.Select((t, i) => new SegmentDefinition(i + 1, i == texts.Count - 1 ? "churned" : $"s{i + 1}", t.Trim(), null, now, now))]).ToList()
            .ForEach(problem => Console.WriteLine("  " + problem));
        for (var round = 1; round <= 3; round++)
        {
            var changes = new ProfileChanges();
            var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var clock = Stopwatch.StartNew();
            var changed = engine.EvaluateAll(changes, now, timeDependentOnly: false);
            var full = clock.Elapsed.TotalSeconds;
            var collected = string.Create(CultureInfo.InvariantCulture,
                $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s");
            clock.Restart();
            var preview = engine.Preview(SegmentCompiler.Compile(SegmentParser.Parse("""country = "ES" and lifetime_value > 300 and performed "Order Completed" at least 2 times in last 30 days""").Expression!), now, 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine round {round}: full evaluation of {texts.Count} segments x {profiles:N0} profiles {full:F2} s ({changed:N0} membership changes; {collected}); preview {clock.Elapsed.TotalSeconds:F2} s ({preview.Size:N0} members)"));
            if (round == 1)
            {
                firstChanges?.Invoke(changes);
            }
        }

        // The scheduled pass for time a day later, as one pass (what the pipeline used to wait for) and as the sweep
        // it now takes a slice per batch: what one batch of live events waits for is a slice, not the pass.
        var later = now.AddDays(1);
        var whole = Stopwatch.StartNew();
        var timeChanges = engine.EvaluateAll(new ProfileChanges(), later, timeDependentOnly: true);
        var wholeSeconds = whole.Elapsed.TotalSeconds;
        engine.BeginRefresh();
        var slices = new List<double>();
        var swept = 0;
        var sweep = Stopwatch.StartNew();
        while (engine.Sweeping)
        {
            var slice = new ProfileChanges();
            var started = Stopwatch.GetTimestamp();
            engine.Decided(engine.Sweep(slice, later.AddDays(1)));
            slices.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            swept += slice.Memberships.Count;
        }

        slices.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine refresh: one pass over the time-dependent segments {wholeSeconds:F2} s ({timeChanges:N0} changes); a day after that as a sweep with windows expired {sweep.Elapsed.TotalSeconds:F2} s in {slices.Count:N0} slices ({swept:N0} changes), slice median {slices[slices.Count / 2]:F0} ms, max {slices[^1]:F0} ms"));

        // Where a full evaluation's time goes: each segment alone, as a preview (both cores).
        foreach (var (text, index) in texts.Select((t, i) => (t, i)))
        {
            var compiled = SegmentCompiler.Compile(SegmentParser.Parse(text).Expression!);
            var clock = Stopwatch.StartNew();
            var preview = engine.Preview(compiled, now, 10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  segment {index + 1,2}: {clock.Elapsed.TotalMilliseconds,7:F0} ms, {preview.Size,9:N0} members  {text.Trim()}"));
        }
    }
}
