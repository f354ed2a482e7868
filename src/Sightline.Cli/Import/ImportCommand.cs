using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Core.Import;
using Sightline.Server.Import;
using Spectre.Console;

namespace Sightline.Cli.Import;

internal static class ImportCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var file = new Argument<FileInfo>("file") { Description = "A CSV (any delimiter, quoted fields, BOM, header row) or JSON-lines file." };
        var source = new Option<string>("--source") { Description = "The source the rows come from (registered on first import).", Required = true };
        var mapping = new Option<string>("--mapping")
        {
            Description = $"A mapping file (YAML or JSON, see docs/imports.md) or preset:NAME ({string.Join(", ", MappingLoader.Presets)}).",
            Required = true,
        };
        var json = CliOptions.Json();
        var command = new Command("import", "Import an export file into the event log; profiles follow in the pipeline (sightline serve).") { file, source, mapping, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = MappingLoader.Load(parse.GetValue(mapping)!);
            if (loaded.Mapping is not { } map)
            {
                await Console.Error.WriteLineAsync($"error: --mapping: {loaded.Error}");
                return 2;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {path.FullName}: no such file");
                return 2;
            }

            var (service, log) = CliOptions.Imports(parse.GetValue(data));
            using var disposeLog = log;
            try
            {
                await using var stream = path.OpenRead();
                var summary = await RunAsync(service, stream, path, parse.GetValue(source)!, map, quiet: parse.GetValue(json), cancellationToken);
                if (parse.GetValue(json))
                {
                    CliOptions.WriteJsonLines([summary]);
                }
                else
                {
                    Print(summary);
                }

                return 0;
            }
            catch (ImportException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<ImportSummary> RunAsync(
        ImportService service, Stream stream, FileInfo file, string source, ImportMapping mapping, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            return await service.ImportAsync(stream, file.Name, source, mapping, null, cancellationToken);
        }

        // The bar follows the bytes read, so it is right for any row length; rows/s and rejections are in its label.
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {Markup.Escape(file.Name)}", maxValue: Math.Max(1, file.Length));
                var progress = new Progress<ImportSummary>(s =>
                {
                    task.Value = Math.Min(stream.Position, file.Length);
                    task.Description = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Markup.Escape(file.Name)}: {s.Read:N0} rows, {s.Read / Math.Max(s.Seconds, 0.001):N0} rows/s, {s.Quarantined:N0} quarantined");
                });
                var summary = await service.ImportAsync(stream, file.Name, source, mapping, progress, cancellationToken);
                task.Value = task.MaxValue;
                return summary;
            });
    }

    private static void Print(ImportSummary s)
    {
        var table = new Table().AddColumns("Read", "Imported", "Updated", "Unchanged", "Quarantined", "Rows/s");
        table.AddRow(
            s.Read.ToString("N0", CultureInfo.InvariantCulture),
            s.Imported.ToString("N0", CultureInfo.InvariantCulture),
            s.Updated.ToString("N0", CultureInfo.InvariantCulture),
            s.Unchanged.ToString("N0", CultureInfo.InvariantCulture),
            s.Quarantined.ToString("N0", CultureInfo.InvariantCulture),
            (s.Read / Math.Max(s.Seconds, 0.001)).ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"Import [bold]{s.ImportId}[/] of {Markup.Escape(s.File)} into source [bold]{Markup.Escape(s.Source)}[/] in {s.Seconds:0.0} s:");
        AnsiConsole.Write(table);
        if (s.Suppressed > 0)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"{s.Suppressed:N0} rows dropped: they name people who asked to be erased (sightline privacy suppressed).");
        }

        if (s.Quarantined > 0)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"See why with [bold]sightline quarantine list --import {s.ImportId}[/]; fix the mapping and run [bold]sightline quarantine retry --import {s.ImportId} --mapping FILE[/].");
        }
    }
}
