using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Audit;

internal static class AuditCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var profile = new Option<string?>("--profile") { Description = "Only calls that touched this profile id." };
        var actor = new Option<string?>("--actor") { Description = "Only calls by this key, as listed: \"key 3 (support desk)\"." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 100 };
        var json = CliOptions.Json();
        var command = new Command("audit", "Who read or changed what through the API: key, route, profile id, answer (never personal values).") { profile, actor, limit, json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var entries = await new SqliteAuditLog(CliOptions.OpenDatabase(parse.GetValue(data)))
                .ListAsync(parse.GetValue(profile), parse.GetValue(actor), Math.Max(1, parse.GetValue(limit)), cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(entries);
                return 0;
            }

            var table = new Table().AddColumns("When", "Who", "Role", "What", "Profile", "Answer", "Why");
            foreach (var e in entries)
            {
                table.AddRow(
                    e.At.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(e.Actor), e.Role, Markup.Escape(e.Action), e.Profile ?? "-",
                    e.Status.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Reason ?? ""));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
