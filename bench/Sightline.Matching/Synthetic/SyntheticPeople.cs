using Sightline.Core.Identity.Matching;
using Sightline.Matching.Datasets;

namespace Sightline.Matching.Synthetic;

/// <summary>
/// A deterministic population for the speed mode: about 30% of people have one to three corrupted duplicates, and
/// some people are relatives of the one before (same surname and address), so precision is tested as well as speed.
/// </summary>
internal static class SyntheticPeople
{
    private const double DuplicatedShare = 0.30;
    private const double RelativeShare = 0.08;

    public static LabeledDataset Generate(int count, int seed)
    {
        var random = new Random(seed);
        var people = new PersonFactory(random);
        var writer = new RecordWriter(random, people);
        var records = new List<(PersonRecord Record, int Entity)>(count);
        Person? previous = null;
        for (var entity = 0; records.Count < count; entity++)
        {
            var person = previous is not null && random.NextDouble() < RelativeShare ? people.RelativeOf(previous) : people.NewPerson();
            records.Add((writer.Original(person), entity));
            if (random.NextDouble() < DuplicatedShare)
            {
                for (var copies = random.Next(1, 4); copies > 0 && records.Count < count; copies--)
                {
                    records.Add((writer.Duplicate(person), entity));
                }
            }

            previous = person;
        }

        // Shuffled so that no matcher profits from duplicates sitting next to their original.
        var shuffled = records.ToArray();
        random.Shuffle(shuffled);
        return new LabeledDataset
        {
            Name = $"synthetic-{Size(count)}",
            Source = $"generated, seed {seed} (dedupe; half Spanish, half English; 30% of people duplicated 1–3 times; 8% are relatives of another)",
            Records = [.. shuffled.Select((r, i) => r.Record with { Id = $"syn-{i}" })],
            Truth = [.. shuffled.Select(r => r.Entity)],
        };
    }

    private static string Size(int count) =>
        count % 1_000_000 == 0 ? $"{count / 1_000_000}M" : count % 1_000 == 0 ? $"{count / 1_000}k" : $"{count}";
}
