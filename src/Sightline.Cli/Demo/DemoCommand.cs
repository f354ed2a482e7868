using System.CommandLine;
using System.Diagnostics;
using Sightline.Cli.Hosting;
using Sightline.Cli.Serve;

namespace Sightline.Cli.Demo;

/// <summary>
/// <c>sightline demo</c>: a realistic retailer's customer data, generated, imported, resolved and served, so the
/// first command a newcomer runs shows the product working on data with every usual difficulty in it.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Written last, once everything is loaded: a half-loaded directory is loaded again, not served.</summary>
    private const string LoadedMarker = ".loaded";

    public static Command Create()
    {
        var data = CliOptions.Data();
        var people = new Option<int>("--people") { Description = "How many customers to generate.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed and --people give the same data.", DefaultValueFactory = _ => 42 };
        var urls = ServeCommand.Urls();
        var noServe = new Option<bool>("--no-serve") { Description = "Stop once the data is loaded." };
        var command = new Command("demo", "Generate a retailer's customer data (nine exports, web and app events, ground truth), import and resolve it, then serve it.")
        {
            data, people, seed, urls, noServe,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(people) is < 10 or > 1_000_000)
            {
                await Console.Error.WriteLineAsync("error: --people: must be between 10 and 1,000,000");
                return 2;
            }

            var directory = parse.GetValue(data) ?? CliOptions.Settings().Data;
            var demoDirectory = Path.Combine(directory, "demo");
            if (File.Exists(Path.Combine(demoDirectory, LoadedMarker)))
            {
                Console.WriteLine($"Demo data is already loaded in {Path.GetFullPath(directory)}; serving it as it is (delete the directory to start afresh).");
            }
            else
            {
                var started = Stopwatch.GetTimestamp();
                var demo = DemoData.Generate(demoDirectory, parse.GetValue(people), parse.GetValue(seed));
                Console.WriteLine(
                    $"Generated {demo.People:N0} customers of a Spanish outdoor retailer into {Path.GetFullPath(demoDirectory)} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s "
                    + $"({demo.Files.Sum(f => f.Rows):N0} export rows, {demo.LiveMessages:N0} web and app messages; see README.txt there). Loading:");
                await DemoLoader.LoadAsync(directory, demo, cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(demoDirectory, LoadedMarker), $"{demo.People} people, seed {parse.GetValue(seed)}\n", cancellationToken);
            }

            if (parse.GetValue(noServe))
            {
                return 0;
            }

            return await ServeCommand.ServeAsync(directory, parse.GetValue(urls), [.. parse.UnmatchedTokens], addresses =>
            {
                Console.WriteLine($"Sightline is running at {string.Join(", ", addresses)} — demo data loaded. Press Ctrl+C to stop.");
                Console.WriteLine(
                    $"Dashboard: open {addresses.First()}/ and sign in as \"admin\" with the password printed at first start "
                    + "(forgotten? ./sightline users password admin).");
            });
        });
        return command;
    }
}
