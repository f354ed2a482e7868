using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Core.Import;
using Sightline.Server.Admin;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Quarantine;

internal static class QuarantineCommand
{
    public static Command Create() => new("quarantine", "Inspect, replay and discard rejected messages and import rows.") { List(), Show(), Retry(), Discard() };

    private static Command List()
    {
        var data = CliOptions.Data();
        var source = new Option<string?>("--source") { Description = "Only this source's rejections." };
        var import = new Option<long?>("--import") { Description = "Only the rows of this import (its id is in the import summary)." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 50 };
        var json = CliOptions.Json();
        var command = new Command("list", "List rejected messages and rows with where they came from, the field and the reason.") { source, import, limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var log = new SqliteEventLog(CliOptions.OpenDatabase(parse.GetValue(data)));
            var rows = await log.ListAsync(parse.GetValue(source), Math.Max(1, parse.GetValue(limit)), cancellationToken, parse.GetValue(import));
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(rows.Select(QuarantineView.From));
                return 0;
            }

            var table = new Table().AddColumns("Id", "Received", "Source", "From", "Field", "Reason", "Payload");
            foreach (var row in rows.Select(QuarantineView.From))
            {
                var payload = row.Payload ?? "base64:" + row.PayloadBase64;
                table.AddRow(
                    row.Id.ToString(CultureInfo.InvariantCulture),
                    row.ReceivedAt.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(row.Source ?? "-"),
                    Markup.Escape(Origin(row)),
                    Markup.Escape(row.Field),
                    Markup.Escape(row.Reason),
                    Markup.Escape(payload.Length > 120 ? payload[..120] + "…" : payload));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{rows.Count} shown[/]");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var data = CliOptions.Data();
        var id = new Argument<long>("id") { Description = "The entry's id, from quarantine list." };
        var command = new Command("show", "Show one entry in full: where it came from, why, and the whole row or message.") { id, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var log = new SqliteEventLog(CliOptions.OpenDatabase(parse.GetValue(data)));
            if (await log.FindAsync(parse.GetValue(id), cancellationToken) is not { } entry)
            {
                await Console.Error.WriteLineAsync($"error: id: no quarantine entry {parse.GetValue(id)}");
                return 1;
            }

            CliOptions.WriteJsonLines([QuarantineView.From(entry)]);
            return 0;
        });
        return command;
    }

    private static Command Retry()
    {
        var data = CliOptions.Data();
        var ids = new Argument<long[]>("ids") { Description = "Entries to retry (or use --import).", Arity = ArgumentArity.ZeroOrMore };
        var import = new Option<long?>("--import") { Description = "Retry every quarantined row of this import." };
        var mapping = new Option<string?>("--mapping") { Description = "A fixed mapping file or preset:NAME (default: the mapping the import used)." };
        var json = CliOptions.Json();
        var command = new Command("retry", "Map quarantined import rows again (after fixing the mapping) and import those that now pass.") { ids, import, mapping, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 && parse.GetValue(import) is null)
            {
                await Console.Error.WriteLineAsync("error: name the entries to retry, or --import N");
                return 2;
            }

            ImportMapping? map = null;
            if (parse.GetValue(mapping) is { } reference)
            {
                var loaded = MappingLoader.Load(reference);
                if (loaded.Mapping is null)
                {
                    await Console.Error.WriteLineAsync($"error: --mapping: {loaded.Error}");
                    return 2;
                }

                map = loaded.Mapping;
            }

            var (service, log) = CliOptions.Imports(parse.GetValue(data));
            using (log)
            {
                try
                {
                    var summaries = await service.RetryAsync(parse.GetValue(import), chosen, map, cancellationToken);
                    if (parse.GetValue(json))
                    {
                        CliOptions.WriteJsonLines(summaries);
                        return 0;
                    }

                    foreach (var s in summaries)
                    {
                        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
                            $"Import {s.ImportId} ({Markup.Escape(s.File)}): retried {s.Read}, imported {s.Imported}, updated {s.Updated}, unchanged {s.Unchanged}, still quarantined {s.Quarantined}");
                    }

                    if (summaries.Count == 0)
                    {
                        AnsiConsole.MarkupLine("Nothing to retry: no quarantined import rows match.");
                    }

                    return 0;
                }
                catch (ImportException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}");
                    return 1;
                }
            }
        });
        return command;
    }

    private static Command Discard()
    {
        var data = CliOptions.Data();
        var ids = new Argument<long[]>("ids") { Description = "Entries to delete for good (or use --import).", Arity = ArgumentArity.ZeroOrMore };
        var import = new Option<long?>("--import") { Description = "Discard every quarantined row of this import." };
        var command = new Command("discard", "Delete quarantine entries for good (the rows or messages are not imported).") { ids, import, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var log = new SqliteEventLog(CliOptions.OpenDatabase(parse.GetValue(data)));
            var chosen = (parse.GetValue(ids) ?? []).ToList();
            if (parse.GetValue(import) is { } importId)
            {
                chosen.AddRange((await log.QuarantinedRowsAsync(importId, [], cancellationToken)).Select(r => r.Id));
            }

            if (chosen.Count == 0)
            {
                await Console.Error.WriteLineAsync("error: name the entries to discard, or --import N");
                return 2;
            }

            var deleted = await log.DiscardAsync(chosen, cancellationToken);
            await Console.Error.WriteLineAsync($"Discarded {deleted} of {chosen.Count} entries.");
            return deleted == chosen.Count ? 0 : 1;
        });
        return command;
    }

    /// <summary>Where an entry came from: the file and line of an import row, or the message in an HTTP request.</summary>
    private static string Origin(QuarantineView row) =>
        row.File is not null ? $"{row.File}:{row.Line} (import {row.ImportId})"
        : row.Index is { } index ? $"#{index} {row.MessageId}"
        : "whole request";
}
