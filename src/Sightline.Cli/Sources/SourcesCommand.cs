using System.CommandLine;
using Sightline.Cli.Hosting;
using Sightline.Core.Sources;
using Sightline.Server.Admin;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Sources;

internal static class SourcesCommand
{
    public static Command Create() => new("sources", "Register and list sources.") { Add(), List() };

    private static Command Add()
    {
        var data = CliOptions.Data();
        var name = new Argument<string>("name") { Description = "Unique name: lower-case letters, digits, '-' or '_'." };
        var kind = new Option<string>("--kind") { Description = "customer-direct or third-party.", DefaultValueFactory = _ => "customer-direct" };
        var trust = new Option<int?>("--trust") { Description = "0-100 (default 80 for customer-direct, 40 for third-party)." };
        var writeKey = new Option<string?>("--write-key") { Description = "Use this write key instead of a generated one." };
        var phoneRegion = new Option<string?>("--phone-region") { Description = "Region of this source's phone numbers written without a country code (ES, MX, US, …)." };
        var identifierTraits = new Option<string[]>("--identifier-trait") { Description = "A trait whose values identify a person, as an identifier of that name (repeatable): loyalty_card, crm_id, …" };
        var command = new Command("add", "Register a source and print its write key.") { name, kind, trust, writeKey, phoneRegion, identifierTraits, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var validation = NewSource.Create(
                parse.GetValue(name), parse.GetValue(kind), parse.GetValue(trust), parse.GetValue(writeKey), parse.GetValue(phoneRegion), parse.GetValue(identifierTraits));
            if (validation.Source is not { } source)
            {
                await Console.Error.WriteLineAsync($"error: {validation.Field}: {validation.Reason}");
                return 2;
            }

            var catalog = new SqliteSourceCatalog(CliOptions.OpenDatabase(parse.GetValue(data)), TimeProvider.System);
            var added = await catalog.AddAsync(source, cancellationToken);
            if (added.Source is null)
            {
                await Console.Error.WriteLineAsync($"error: {added.ConflictField}: another source already has this value");
                return 1;
            }

            // The key alone on standard output, so scripts can capture it; the rest goes to standard error.
            await Console.Error.WriteLineAsync(
                $"Added source {added.Source.Name} ({NewSource.KindName(added.Source.Kind)}, trust {added.Source.Trust}). Write key:");
            Console.WriteLine(added.Source.WriteKey);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var command = new Command("list", "List sources with their kind, trust and write key.") { json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = new SqliteSourceCatalog(CliOptions.OpenDatabase(parse.GetValue(data)), TimeProvider.System);
            var sources = await catalog.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(sources.Select(SourceView.From));
                return 0;
            }

            var table = new Table().AddColumns("Name", "Kind", "Trust", "Write key", "Phone region", "Identifier traits", "Created");
            foreach (var source in sources)
            {
                table.AddRow(
                    Markup.Escape(source.Name), NewSource.KindName(source.Kind), source.Trust.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(source.WriteKey), source.PhoneRegion ?? "-", Markup.Escape(string.Join(", ", source.IdentifierTraits)),
                    source.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
