using System.CommandLine;
using Sightline.Cli.Hosting;
using Sightline.Core.Events;
using Sightline.Core.Profiles;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Export;

internal static class ExportCommand
{
    public static Command Create() => new("export", "Write stored data out as JSON lines.")
    {
        Subcommand("events", "Write the event log as JSON lines, one stored message per line, in log order.", ExportEventsAsync),
        Subcommand("lineage", "Write {source, record_id, profile_id} for every message in the log, as JSON lines.", ExportLineageAsync),
        Subcommand("profiles", "Write one JSON line per profile: id, identities and current traits with their source.", ExportProfilesAsync),
    };

    private static Command Subcommand(string name, string description, Func<SqliteDatabase, JsonLines, CancellationToken, Task> export)
    {
        var data = CliOptions.Data();
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command(name, description) { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output);
            var database = CliOptions.OpenDatabase(parse.GetValue(data));
            long count;
            await using (var lines = new JsonLines(file is null ? Console.OpenStandardOutput() : file.Create()))
            {
                await export(database, lines, cancellationToken);
                count = lines.Count;
            }

            if (file is not null)
            {
                await Console.Error.WriteLineAsync($"Wrote {count} {name} lines to {file.FullName}");
            }

            return 0;
        });
        return command;
    }

    private static async Task ExportEventsAsync(SqliteDatabase database, JsonLines lines, CancellationToken cancellationToken)
    {
        using var log = new SqliteEventLog(database);
        for (var after = 0L; ;)
        {
            var page = await log.ReadAsync(after, 5000, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var e in page)
            {
                lines.Write(writer =>
                {
                    writer.WriteNumber("seq", e.Sequence);
                    writer.WriteString("source", e.Source);
                    writer.WriteString("messageId", e.MessageId);
                    writer.WriteString("type", MessageTypes.Name(e.Type));
                    writer.WriteString("receivedAt", Timestamps.Format(e.ReceivedAt));
                    writer.WriteString("timestamp", Timestamps.Format(e.Timestamp));
                    writer.WritePropertyName("message");
                    writer.WriteRawValue(e.Json, skipInputValidation: true);
                });
            }

            after = page[^1].Sequence;
        }
    }

    private static async Task ExportLineageAsync(SqliteDatabase database, JsonLines lines, CancellationToken cancellationToken)
    {
        await foreach (var (source, recordId, profile) in new SqliteProfileStore(database).LineageAsync(cancellationToken))
        {
            lines.Write(writer =>
            {
                writer.WriteString("source", source);
                writer.WriteString("record_id", recordId);
                writer.WriteString("profile_id", profile.ToString());
            });
        }
    }

    private static async Task ExportProfilesAsync(SqliteDatabase database, JsonLines lines, CancellationToken cancellationToken)
    {
        var store = new SqliteProfileStore(database);
        await foreach (var profile in store.ProfilesAsync(cancellationToken))
        {
            var identities = await store.IdentitiesAsync(profile, cancellationToken);
            var traits = Survivorship.Current(await store.TraitHistoryAsync(profile, cancellationToken));
            lines.Write(writer =>
            {
                writer.WriteString("id", profile.ToString());
                writer.WriteStartArray("identities");
                foreach (var identity in identities)
                {
                    writer.WriteStringValue(identity.Identifier.ToString());
                }

                writer.WriteEndArray();
                writer.WriteStartObject("traits");
                foreach (var trait in traits)
                {
                    writer.WriteStartObject(trait.Name);
                    writer.WritePropertyName("value");
                    writer.WriteRawValue(trait.Json);
                    writer.WriteString("source", trait.Source);
                    writer.WriteString("observedAt", Timestamps.Format(trait.ObservedAt));
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            });
        }
    }
}
