
using Sightline.DemoScore.Joining;

namespace Sightline.DemoScore.Reporting;

/// <summary>
/// Per-trap figures. Group traps (households, namesakes) pass when no profile holds records of two of the group's
/// people; person traps (anonymous visitors, store-only) when the person's records of that kind sit on the profile
/// holding most of their records; record traps (nickname, typo, …) count the records that landed there.
/// </summary>
internal static class Traps
{
    private static readonly (string Trap, string Meaning)[] RecordTraps =
    [
        ("nickname", "records under a nickname on the person's main profile"),
        ("typo", "records with a typo in the given name on the main profile"),
        ("capitals", "records in capitals without accents on the main profile"),
        ("missing-surname", "records without the second surname on the main profile"),
        ("swapped-surnames", "records with the surnames swapped on the main profile"),
        ("surname-first", "\"SURNAMES, GIVEN\" records on the main profile"),
        ("email-variant", "records under the person's other e-mail on the main profile"),
        ("crm-duplicate", "second CRM contacts of a person on the main profile"),
        ("landline", "loyalty cards giving the household landline on the main profile"),
        ("guest", "guest orders (no customer id) on the main profile"),
        ("phone-only", "records with a phone but no e-mail or card on the main profile"),
        ("handle-only", "social comments with a handle only on the main profile"),
    ];

    public static IReadOnlyList<TrapResult> Measure(IReadOnlyList<ScoredRecord> records)
    {
        var byPerson = records.GroupBy(r => r.Person).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var main = byPerson.ToDictionary(p => p.Key, p => p.Value.GroupBy(r => r.Profile).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        var results = new List<TrapResult>
        {
            Groups(records, "household:", "households", "households whose members are all on profiles of their own (no profile mixes two members)"),
            Groups(records, "namesake:", "namesakes", "namesake pairs kept on separate profiles"),
            People(byPerson, main, "anonymous-visitor", "anonymous visitors", "identified visitors whose every anonymous web/app event is on their main profile"),
            People(byPerson, main, "store-only", "store-only", "store-only customers whose tickets and loyalty card are all on one profile"),
            new("people fully joined", byPerson.Count(p => p.Value.All(r => r.Profile == main[p.Key])), byPerson.Count, "people whose records are all on one profile"),
        };
        foreach (var (trap, meaning) in RecordTraps)
        {
            var hits = records.Where(r => r.Traps.Contains(trap)).ToList();
            results.Add(new TrapResult(trap, hits.Count(r => r.Profile == main[r.Person]), hits.Count, meaning));
        }

        return results;
    }

    private static TrapResult Groups(IReadOnlyList<ScoredRecord> records, string prefix, string name, string meaning)
    {
        var groups = records
            .Select(r => (Group: r.Traps.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal)), Record: r))
            .Where(g => g.Group is not null)
            .GroupBy(g => g.Group!, g => g.Record)
            .ToList();
        var apart = groups.Count(g => g.GroupBy(r => r.Profile).All(p => p.Select(r => r.Person).Distinct().Count() == 1));
        return new TrapResult(name, apart, groups.Count, meaning);
    }

    private static TrapResult People(Dictionary<string, List<ScoredRecord>> byPerson, Dictionary<string, string> main, string trap, string name, string meaning)
    {
        var people = byPerson.Where(p => p.Value.Any(r => r.Traps.Contains(trap))).ToList();
        return new TrapResult(name, people.Count(p => p.Value.Where(r => r.Traps.Contains(trap) || trap == "store-only").All(r => r.Profile == main[p.Key])), people.Count, meaning);
    }
}
