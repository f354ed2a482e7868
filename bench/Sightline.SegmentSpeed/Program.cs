using System.Diagnostics;
using System.Globalization;
using Sightline.Core.Segments;
using Sightline.SegmentSpeed;

// Full evaluation of 20 segments over synthetic profiles held in columns, next to a same-run baseline that only reads
// the traits each segment reads. Usage: dotnet run -c Release --project bench/Sightline.SegmentSpeed [-- PROFILES] [--commit ROUNDS]
// With --commit, the engine's first full evaluation is also committed to SQLite as the pipeline commits it (see bench/README.md).
var commitAt = Array.IndexOf(args, "--commit");
var commit = commitAt >= 0 ? int.Parse(args[commitAt + 1], CultureInfo.InvariantCulture) : 0;
var profiles = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var now = new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
string[] texts =
[
    """country = "ES" and orders_90d >= 2 and not in segment "churned" """,
    """email_opens_month > 4 and consent("email_marketing") and last_seen within 14 days""",
    """performed "Order Completed" at least 3 times in last 30 days""",
    """country in ["ES", "PT", "FR"] and lifetime_value > 500""",
    """address.city = "malaga" or address.city = "sevilla" """,
    """email contains "@gmail.com" and consent("email_marketing")""",
    """not country = "ES" and vip = true""",
    """tags contains "VIP" and signed_up after "2025-01-01" """,
    """(orders_90d > 1 or lifetime_value >= 1000) and country != "US" """,
    """address.city starts with "ciudad" """,
    """lifetime_value > 2000 and consent("email_marketing") and email exists""",
    """not performed "Order Completed" in last 60 days and last_seen within 30 days""",
    """country = "españa" and email not exists""",
    """signed_up within 52 weeks and orders_90d = 0""",
    """vip = true or tags in ["vip", "newsletter"]""",
    """last_seen before "2026-01-01" and in segment "churned" """,
    """email_opens_month >= 8 and not consent("email_marketing")""",
    """country not in ["ES", "PT"] and lifetime_value > 100""",
    """performed "Order Completed" exactly 1 time and address.city != "Madrid" """,
    """(country = "MX" or address.city contains "méxico") and orders_90d >= 1""",
];

var parse = Stopwatch.StartNew();
const int ParseRounds = 2_000;
CompiledSegment[] segments = [];
for (var round = 0; round < ParseRounds; round++)
{
    segments = [.. texts.Select(t => SegmentCompiler.Compile(SegmentParser.Parse(t).Expression ?? throw new InvalidOperationException(t)))];
}

var parseMicros = parse.Elapsed.TotalMicroseconds / (ParseRounds * texts.Length);
Console.WriteLine($"parse + compile: {parseMicros:F1} µs per segment");

Console.Write($"building {profiles:N0} synthetic profiles… ");
var columns = new Columns(profiles, now);
Console.WriteLine("done");

for (var round = 1; round <= 3; round++)
{
    var baseline = Measure(columns, segments, (segment, cursor) =>
    {
        var present = 0;
        foreach (var trait in segment.Dependencies.Traits)
        {
            present += cursor.Trait(trait).IsMissing ? 0 : 1;
        }

        return present > 0;
    });
    var single = Measure(columns, segments, (segment, cursor) => segment.Evaluate(cursor, now));
    var parallel = MeasureParallel(columns, segments, now);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: 20 segments x {profiles:N0} profiles: {single.Seconds:F2} s on one core ({single.Members:N0} memberships), {parallel:F2} s on all {Environment.ProcessorCount}; reading the traits alone {baseline.Seconds:F2} s"));
}

// The product's engine over the same segments, fed as the pipeline feeds it.
EngineBench.Run(profiles, now, texts, commit > 0 ? changes => MembershipCommit.Run(changes, commit) : null);

static (double Seconds, long Members) Measure(Columns columns, CompiledSegment[] segments, Func<CompiledSegment, Columns.Cursor, bool> test)
{
    var cursor = new Columns.Cursor(columns);
    var members = 0L;
    var clock = Stopwatch.StartNew();
    foreach (var segment in segments)
    {
        for (var row = 0; row < columns.Count; row++)
        {
            cursor.Row = row;
            members += test(segment, cursor) ? 1 : 0;
        }
    }

    return (clock.Elapsed.TotalSeconds, members);
}

static double MeasureParallel(Columns columns, CompiledSegment[] segments, DateTimeOffset now)
{
    var clock = Stopwatch.StartNew();
    Parallel.For(0, Environment.ProcessorCount, part =>
    {
        var cursor = new Columns.Cursor(columns);
        var (from, to) = ((long)columns.Count * part / Environment.ProcessorCount, (long)columns.Count * (part + 1) / Environment.ProcessorCount);
        foreach (var segment in segments)
        {
            for (var row = (int)from; row < to; row++)
            {
                cursor.Row = row;
                segment.Evaluate(cursor, now);
            }
        }
    });
    return clock.Elapsed.TotalSeconds;
}
