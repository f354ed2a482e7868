using System.Diagnostics;
using System.Globalization;
using Sightline.Core.Identity;
using Sightline.SearchSpeed;
using Sightline.Server.Search;

// Search latency over synthetic profiles in the dashboard's in-memory Lucene index, per kind of query a service agent
// types, next to the same-run baseline of an exact e-mail lookup in the same index.
// Usage: dotnet run -c Release --project bench/Sightline.SearchSpeed [-- PROFILES [QUERIES_PER_KIND]]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var perKind = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;

Console.WriteLine($"Sightline search speed: {count:N0} synthetic profiles, {perKind} queries per kind, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var people = new People(seed: 7);
var documents = new List<SearchDocument>(count);
for (var id = 1; id <= count; id++)
{
    documents.Add(people.Next(id));
}

using var search = new ProfileSearch(new IdentifierNormalizer("ES"));
var build = Stopwatch.StartNew();
search.Replace(documents);
build.Stop();
GC.Collect();
Console.WriteLine($"index built in {build.Elapsed.TotalSeconds:F1} s ({count / build.Elapsed.TotalSeconds:N0} profiles/s); managed heap {GC.GetTotalMemory(true) / 1048576.0:N0} MB with the source documents");

var random = new Random(11);
var sample = Enumerable.Range(0, perKind).Select(_ => documents[random.Next(documents.Count)]).ToList();
var kinds = new (string Name, Func<SearchDocument, string> Query)[]
{
    ("exact e-mail (baseline)", d => d.Emails[0]),
    ("full name, accents dropped", d => People.Ascii(d.DisplayName!).ToLowerInvariant()),
    ("full name, one typo", d => Typo(People.Ascii(d.DisplayName!).ToLowerInvariant(), random)),
    ("given name + first surname, typo", d => Typo(People.Ascii(string.Join(' ', d.DisplayName!.Split(' ').Take(2))).ToLowerInvariant(), random)),
    ("e-mail", d => d.Emails[0].ToUpperInvariant()),
    ("phone, national, spaced", d => Spaced(d.Phones[0][3..])),
    ("phone, +34 with dashes", d => "+34-" + d.Phones[0][3..6] + "-" + d.Phones[0][6..]),
    ("one surname (broad)", d => People.Ascii(d.DisplayName!.Split(' ')[1]).ToLowerInvariant()),
};

Console.WriteLine();
Console.WriteLine("| query | median ms | p99 ms | max ms | found in top 20 |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, query) in kinds)
{
    // Warm-up: JIT and the index's first touch of each structure.
    foreach (var document in sample.Take(30))
    {
        search.Search(query(document));
    }

    var times = new List<double>(sample.Count);
    var found = 0;
    foreach (var document in sample)
    {
        var text = query(document);
        var started = Stopwatch.GetTimestamp();
        var hits = search.Search(text);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        found += hits.Any(h => h.Profile == document.Profile) ? 1 : 0;
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Percentile(times, 0.5):F2} | {Percentile(times, 0.99):F2} | {times[^1]:F2} | {found * 100.0 / sample.Count:F0}% |"));
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Spaced(string digits) => $"{digits[..3]} {digits[3..5]} {digits[5..7]} {digits[7..]}";

// One letter replaced, past the first (a typo in the first letter is not forgiven, docs/dashboard.md says why).
static string Typo(string text, Random random)
{
    var words = text.Split(' ');
    var w = random.Next(words.Length);
    if (words[w].Length >= 4)
    {
        var chars = words[w].ToCharArray();
        var at = random.Next(1, chars.Length);
        chars[at] = chars[at] == 'x' ? 'z' : 'x';
        words[w] = new string(chars);
    }

    return string.Join(' ', words);
}
