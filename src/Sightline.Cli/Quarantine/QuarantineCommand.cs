using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Server.Admin;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Quarantine;

internal static class QuarantineCommand
{
    public static Command Create() => new("quarantine", "Inspect rejected messages.") { List() };

    private static Command List()
    {
        var data = CliOptions.Data();
        var source = new Option<string?>("--source") { Description = "Only this source's rejections." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 50 };
        var json = CliOptions.Json();
        var command = new Command("list", "List rejected messages with the field, the reason and the payload.") { source, limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var log = new SqliteEventLog(CliOptions.OpenDatabase(parse.GetValue(data)));
            var rows = await log.ListAsync(parse.GetValue(source), Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(rows.Select(QuarantineView.From));
                return 0;
            }

            var table = new Table().AddColumns("Id", "Received", "Source", "Message", "Field", "Reason", "Payload");
            foreach (var row in rows.Select(QuarantineView.From))
            {
                var payload = row.Payload ?? "base64:" + row.PayloadBase64;
                table.AddRow(
                    row.Id.ToString(CultureInfo.InvariantCulture),
                    row.ReceivedAt.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(row.Source ?? "-"),
                    Markup.Escape(row.Index is { } index ? $"#{index} {row.MessageId}" : "whole request"),
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
}
