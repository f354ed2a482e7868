using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Core.Retention;
using Sightline.Server.Retention;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Retention;

/// <summary>
/// Retention from the command line, with the rules of <c>Sightline:Retention</c>: a pass now (or a dry run) and the
/// passes made. It works on the database directly, so run it with the server stopped (or use the API while it runs).
/// </summary>
internal static class RetentionCommand
{
    public static Command Create() => new("retention", "Delete events older than the retention rules allow (Sightline:Retention), and list the passes made.")
    {
        Run(), Runs(),
    };

    private static Command Run()
    {
        var data = CliOptions.Data();
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be deleted, per source and type; change nothing." };
        var command = new Command("run", "Run a retention pass now (stop the server first, or use POST /v1/privacy/retention).") { dryRun, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CliOptions.Settings();
            if (RetentionValidation.Problems(settings.Retention).ToList() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"error: {problem}");
                }

                return 2;
            }

            if (settings.Retention.Rules.Length == 0)
            {
                await Console.Error.WriteLineAsync("No retention rules are configured (Sightline:Retention:Rules); nothing is deleted.");
                return 0;
            }

            // Through the pipeline, which then loads again the profiles whose events went and rebuilds their computed traits.
            using var cli = CliPipeline.Open(parse.GetValue(data));
            using var passes = new RetentionPasses(new SqliteRetentionStore(cli.Database), settings.Retention, TimeProvider.System, cli.Pipeline);
            var run = await passes.RunAsync($"cli ({Environment.UserName})", parse.GetValue(dryRun), cancellationToken);
            await cli.CatchUpAsync(cancellationToken);
            Write([run]);
            await Console.Error.WriteLineAsync(run.DryRun
                ? $"Dry run: {run.Deleted:N0} events would be deleted and {run.Minimized:N0} cut down to identity stubs; nothing was changed."
                : $"Retention pass {run.Id}: {run.Deleted:N0} events deleted and {run.Minimized:N0} cut down to identity stubs in {(run.FinishedAt - run.StartedAt).TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }

    private static Command Runs()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("runs", "The retention passes made: when, who started them, and what they deleted per source and type.") { limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runs = await new SqliteRetentionStore(CliOptions.OpenDatabase(parse.GetValue(data))).RunsAsync(Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(runs);
            }
            else
            {
                Write(runs);
            }

            return 0;
        });
        return command;
    }

    private static void Write(IEnumerable<RetentionRun> runs)
    {
        var table = new Table().AddColumns("Pass", "By", "Started", "Seconds", "Source", "Type", "Deleted", "Minimized");
        foreach (var run in runs)
        {
            var id = run.DryRun ? "dry run" : run.Id.ToString(CultureInfo.InvariantCulture);
            var (started, seconds) = (run.StartedAt.ToString("u", CultureInfo.InvariantCulture), (run.FinishedAt - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            if (run.Counts.Count == 0)
            {
                table.AddRow(id, Markup.Escape(run.Trigger), started, seconds, "-", "-", "0", "0");
            }

            foreach (var count in run.Counts)
            {
                table.AddRow(
                    id, Markup.Escape(run.Trigger), started, seconds, Markup.Escape(count.Source), count.Type,
                    count.Deleted.ToString("N0", CultureInfo.InvariantCulture), count.Minimized.ToString("N0", CultureInfo.InvariantCulture));
            }
        }

        AnsiConsole.Write(table);
    }
}
