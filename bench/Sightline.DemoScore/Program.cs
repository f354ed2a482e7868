using System.CommandLine;
using System.Globalization;
using Sightline.DemoScore.Joining;
using Sightline.DemoScore.Reporting;
using Sightline.DemoScore.Running;

var people = new Option<int>("--people") { Description = "Customers to generate with sightline demo.", DefaultValueFactory = _ => 2_000 };
var seed = new Option<int>("--seed") { Description = "Seed of the demo generator.", DefaultValueFactory = _ => 42 };
var data = new Option<string?>("--data") { Description = "Score an existing demo data directory instead of generating one." };
var keep = new Option<bool>("--keep") { Description = "Keep the generated data directory (printed) instead of deleting it." };
var root = new RootCommand("Scores Sightline's identity resolution on `sightline demo` data against its ground truth.") { people, seed, data, keep };
root.SetAction(parse =>
{
    var repository = Cli.RepositoryRoot();
    var directory = parse.GetValue(data) ?? Path.Combine(Path.GetTempPath(), "sightline-demoscore-" + Guid.NewGuid().ToString("N")[..8]);
    try
    {
        var loading = TimeSpan.Zero;
        if (parse.GetValue(data) is null)
        {
            Console.WriteLine($"$ ./sightline demo --no-serve --people {parse.GetValue(people)} --seed {parse.GetValue(seed)} --data {directory}");
            loading = Cli.Run(repository, echo: true, "demo", "--no-serve", "--people", parse.GetValue(people).ToString(CultureInfo.InvariantCulture),
                "--seed", parse.GetValue(seed).ToString(CultureInfo.InvariantCulture), "--data", directory);
        }

        var lineage = Path.Combine(directory, "lineage.jsonl");
        Cli.Run(repository, echo: false, "export", "lineage", "--data", directory, "--out", lineage);
        var join = Join.Read(Path.Combine(directory, "demo", "truth.csv"), lineage);
        Report.Print(join, loading);
        return join.Missing.Count == 0 ? 0 : 1;
    }
    finally
    {
        if (parse.GetValue(data) is null && !parse.GetValue(keep))
        {
            Directory.Delete(directory, recursive: true);
        }
        else if (parse.GetValue(data) is null)
        {
            Console.WriteLine($"data kept in {directory}");
        }
    }
});
return root.Parse(args).Invoke();
