using System.CommandLine;
using Sightline.Cli.Hosting;
using Sightline.Core.Audiences;
using Sightline.Core.Events;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Export;

internal static class ExportCommand
{
    public static Command Create() => new("export", "Write stored data out as JSON lines.")
    {
        Subcommand("events", "Write the event log as JSON lines, one stored message per line, in log order.", ExportEventsAsync),
        Subcommand("lineage", "Write {source, record_id, profile_id} for every message in the log, as JSON lines.", ExportLineageAsync),
        Subcommand("profiles", "Write one JSON line per profile: id, identities and current traits with their source.", ExportProfilesAsync),
        Audience(),
    };

    /// <summary>A segment's members with chosen traits, as CSV or JSON lines, for a messaging tool.</summary>
    private static Command Audience()
    {
        var data = CliOptions.Data();
        var segment = new Argument<string>("segment") { Description = "The segment's name or id." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. AudienceExport.Formats]);
        var traits = new Option<string?>("--traits") { Description = "Traits to write, comma-separated: stored (email, address.city) or computed (orders_90d)." };
        var purpose = new Option<string?>("--purpose") { Description = "Leave out members who did not grant this consent purpose (e.g. email_marketing)." };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("audience", "Write a segment's members with the chosen traits, as CSV or JSON lines (stop the server first, or use GET /v1/segments/{segment}/export).")
        {
            segment, format, traits, purpose, output, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var cli = CliPipeline.Open(parse.GetValue(data));
            if (parse.GetValue(purpose) is { } wanted && !cli.Settings.Purposes().Contains(wanted))
            {
                await Console.Error.WriteLineAsync($"error: --purpose: \"{wanted}\" is not a consent purpose: {string.Join(", ", cli.Settings.Purposes())}");
                return 2;
            }

            await cli.CatchUpAsync(cancellationToken);
            if (await cli.Segments.FindAsync(parse.GetValue(segment)!, cancellationToken) is not { } found)
            {
                await Console.Error.WriteLineAsync($"error: no segment is named \"{parse.GetValue(segment)}\" or has that id; `sightline segments list` lists them.");
                return 2;
            }

            var file = parse.GetValue(output);
            var names = (parse.GetValue(traits) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var export = new AudienceExport(cli.Profiles, cli.Segments, cli.Engine, TimeProvider.System);
            (long Written, long WithoutConsent) counts;
            await using (var stream = file is null ? Console.OpenStandardOutput() : file.Create())
            {
                counts = await export.WriteAsync(found, parse.GetValue(format)!, names, parse.GetValue(purpose), stream, cancellationToken);
            }

            await Console.Error.WriteLineAsync(
                $"Wrote {counts.Written:N0} members of \"{found.Name}\"{(file is null ? "" : " to " + file.FullName)}"
                + (parse.GetValue(purpose) is { } p ? $"; left out {counts.WithoutConsent:N0} without consent to {p}." : "."));
            return 0;
        });
        return command;
    }

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
                    writer.WriteRawValue(e.Json.Span, skipInputValidation: true);
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
            var traits = await store.CurrentTraitsAsync(profile, cancellationToken);
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
