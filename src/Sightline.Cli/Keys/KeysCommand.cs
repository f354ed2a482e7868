using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Sightline.Cli.Hosting;
using Sightline.Core.Privacy;
using Sightline.Server.Access;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Keys;

internal static class KeysCommand
{
    public static Command Create() =>
        new("keys", "Issue, list and revoke API keys and their roles; rotate the encryption key.") { Add(), List(), Revoke(), RotateEncryption(), Encryption() };

    private static Command Add()
    {
        var data = CliOptions.Data();
        var name = new Argument<string>("name") { Description = "Who or what uses the key (shown in lists and audits)." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var command = new Command("add", "Issue an API key with a role and print it (shown this once).") { name, role, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Roles.All.Contains(parse.GetValue(role)!))
            {
                await Console.Error.WriteLineAsync($"error: --role: must be one of {string.Join(", ", Roles.All)}");
                return 2;
            }

            var keys = new ApiKeys(Store(parse.GetValue(data)), Options.Create(CliOptions.Settings()));
            var key = await keys.IssueAsync(parse.GetValue(name)!, parse.GetValue(role)!, cancellationToken);
            await Console.Error.WriteLineAsync($"Issued a {parse.GetValue(role)} key for {parse.GetValue(name)} (shown once):");
            Console.WriteLine(key);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var command = new Command("list", "List API keys: id, name, role, creation time (never the keys).") { json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keys = await Store(parse.GetValue(data)).ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(keys);
                return 0;
            }

            var table = new Table().AddColumns("Id", "Name", "Role", "Created");
            foreach (var key in keys)
            {
                table.AddRow(key.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(key.Name), key.Role, key.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var data = CliOptions.Data();
        var id = new Argument<long>("id") { Description = "The key's id, from keys list." };
        var command = new Command("revoke", "Revoke an API key: it stops working at once.") { id, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!await Store(parse.GetValue(data)).RevokeAsync(parse.GetValue(id), cancellationToken))
            {
                await Console.Error.WriteLineAsync($"error: id: no API key {parse.GetValue(id)}");
                return 1;
            }

            await Console.Error.WriteLineAsync($"Revoked key {parse.GetValue(id)}.");
            return 0;
        });
        return command;
    }

    private static Command RotateEncryption()
    {
        var data = CliOptions.Data();
        var command = new Command(
            "rotate-encryption",
            "Add a new encryption key to the key file and make it current (stop the server first); serve then re-encrypts stored values under it in the background.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = CliOptions.Settings(parse.GetValue(data));
            if (settings.EncryptionKey is not null)
            {
                await Console.Error.WriteLineAsync("error: the encryption key comes from configuration (Sightline:EncryptionKey), which is not rotated yet; rotation works on the key file's keys");
                return 2;
            }

            var path = settings.KeyFilePath();
            var keys = KeyFile.LoadOrCreate(path).WithNewEncryptionKey();
            KeyFile.Save(path, keys);
            await Console.Error.WriteLineAsync(
                $"Encryption key {keys.CurrentEncryptionKey} is now current in {path}. Start ./sightline serve: it re-encrypts stored values under it in the background and removes older keys from the key file once nothing uses them (progress: ./sightline keys encryption).");
            return 0;
        });
        return command;
    }

    private static Command Encryption()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var command = new Command("encryption", "Show the current encryption key and how many stored values are in clear and under each key.") { json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var usage = await new SqliteEncryption(CliOptions.OpenDatabase(parse.GetValue(data))).UsageAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines([usage]);
                return 0;
            }

            await Console.Error.WriteLineAsync(usage.CurrentKey is { } current ? $"New values are encrypted under key {current}." : "New values are written in clear (Sightline:Encryption is off).");
            var table = new Table().AddColumns("Key", "Stored values");
            foreach (var (key, count) in usage.Values)
            {
                table.AddRow(key, count.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static SqliteApiKeyStore Store(string? data) => new(CliOptions.OpenDatabase(data), TimeProvider.System);
}
