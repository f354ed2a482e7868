using System.CommandLine;
using System.Text.Json;
using Sightline.Cli.Hosting;
using Sightline.Core.Events;
using Sightline.Core.Profiles;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Export;

internal static class ExportCommand
{
    public static Command Create() => new("export", "Write stored data out as JSON lines.") { Events(), Lineage(), Profiles() };

    private static Command Lineage()
    {
        var data = CliOptions.Data();
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("lineage", "Write {source, record_id, profile_id} for every message in the log, as JSON lines.") { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = new SqliteProfileStore(CliOptions.OpenDatabase(parse.GetValue(data)));
            await using var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput();
            await foreach (var (source, recordId, profile) in store.LineageAsync(cancellationToken))
            {
                await using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString("source", source);
                    writer.WriteString("record_id", recordId);
                    writer.WriteString("profile_id", profile.ToString());
                    writer.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
            }

            return 0;
        });
        return command;
    }

    private static Command Profiles()
    {
        var data = CliOptions.Data();
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("profiles", "Write one JSON line per profile: id, identities and current traits with their source.") { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = new SqliteProfileStore(CliOptions.OpenDatabase(parse.GetValue(data)));
            await using var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput();
            await foreach (var profile in store.ProfilesAsync(cancellationToken))
            {
                var identities = await store.IdentitiesAsync(profile, cancellationToken);
                var traits = Survivorship.Current(await store.TraitHistoryAsync(profile, cancellationToken));
                await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    writer.WriteStartObject();
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
                    writer.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
            }

            return 0;
        });
        return command;
    }

    private static Command Events()
    {
        var data = CliOptions.Data();
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("events", "Write the event log as JSON lines, one stored message per line, in log order.") { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var log = new SqliteEventLog(CliOptions.OpenDatabase(parse.GetValue(data)));
            await using var stream = parse.GetValue(output) is { } file ? file.Create() : Console.OpenStandardOutput();
            var count = 0L;
            var after = 0L;
            while (true)
            {
                var page = await log.ReadAsync(after, 5000, cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var e in page)
                {
                    await using (var writer = new Utf8JsonWriter(stream))
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("seq", e.Sequence);
                        writer.WriteString("source", e.Source);
                        writer.WriteString("messageId", e.MessageId);
                        writer.WriteString("type", MessageTypes.Name(e.Type));
                        writer.WriteString("receivedAt", Timestamps.Format(e.ReceivedAt));
                        writer.WriteString("timestamp", Timestamps.Format(e.Timestamp));
                        writer.WritePropertyName("message");
                        writer.WriteRawValue(e.Json, skipInputValidation: true);
                        writer.WriteEndObject();
                    }

                    stream.WriteByte((byte)'\n');
                }

                count += page.Count;
                after = page[^1].Sequence;
            }

            if (parse.GetValue(output) is { } written)
            {
                await Console.Error.WriteLineAsync($"Wrote {count} events to {written.FullName}");
            }

            return 0;
        });
        return command;
    }
}
