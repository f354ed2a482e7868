using System.CommandLine;
using System.Globalization;
using Sightline.Cli.Hosting;
using Sightline.Server.Access;
using Sightline.Server.Dashboard.Users;
using Sightline.Storage.Sqlite;
using Spectre.Console;

namespace Sightline.Cli.Users;

/// <summary><c>sightline users</c>: the people who sign in to the dashboard. Works while the server runs: sessions are re-checked on every request.</summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "Add, list and remove dashboard users; set their passwords.") { Add(), List(), Remove(), Password() };

    private static Command Add()
    {
        var data = CliOptions.Data();
        var name = new Argument<string>("name") { Description = "What the user signs in with." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}, as for API keys.", Required = true };
        var stdin = PasswordStdin();
        var command = new Command("add", "Add a dashboard user; prints a generated password once unless --password-stdin gives one.") { name, role, stdin, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = await PasswordAsync(parse.GetValue(stdin));
            var problem = await Users(parse.GetValue(data)).AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, password.Text, cancellationToken);
            return await ReportAsync(problem, $"Added {parse.GetValue(role)} user {parse.GetValue(name)}", password);
        });
        return command;
    }

    private static Command Password()
    {
        var data = CliOptions.Data();
        var name = new Argument<string>("name") { Description = "The user." };
        var stdin = PasswordStdin();
        var command = new Command("password", "Set a user's password (generated and printed once unless --password-stdin gives one); ends the user's open sessions.") { name, stdin, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = await PasswordAsync(parse.GetValue(stdin));
            var problem = await Users(parse.GetValue(data)).SetPasswordAsync(parse.GetValue(name)!, password.Text, cancellationToken);
            return await ReportAsync(problem, $"New password for {parse.GetValue(name)}", password);
        });
        return command;
    }

    private static Command List()
    {
        var data = CliOptions.Data();
        var json = CliOptions.Json();
        var command = new Command("list", "List dashboard users: name, role, lock-out, creation time (never passwords).") { json, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var users = await Users(parse.GetValue(data)).ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliOptions.WriteJsonLines(users.Select(u => new { u.Name, u.Role, u.Failures, u.LockedUntil, u.CreatedAt }));
                return 0;
            }

            var table = new Table().AddColumns("Name", "Role", "Failed sign-ins", "Locked until", "Created");
            foreach (var user in users)
            {
                table.AddRow(
                    Markup.Escape(user.Name), user.Role, user.Failures.ToString(CultureInfo.InvariantCulture),
                    user.LockedUntil?.ToString("u", CultureInfo.InvariantCulture) ?? "", user.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var data = CliOptions.Data();
        var name = new Argument<string>("name") { Description = "The user." };
        var command = new Command("remove", "Remove a dashboard user: their sessions end at once.") { name, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!await Users(parse.GetValue(data)).RemoveAsync(parse.GetValue(name)!, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"error: name: no user named \"{parse.GetValue(name)}\"");
                return 1;
            }

            await Console.Error.WriteLineAsync($"Removed {parse.GetValue(name)}.");
            return 0;
        });
        return command;
    }

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one." };

    private static async Task<(string Text, bool Generated)> PasswordAsync(bool fromStdin) =>
        fromStdin ? ((await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "", false) : (DashboardUsers.Generate(), true);

    private static async Task<int> ReportAsync(string? problem, string done, (string Text, bool Generated) password)
    {
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
            return 2;
        }

        if (password.Generated)
        {
            await Console.Error.WriteLineAsync($"{done}; password (shown once):");
            Console.WriteLine(password.Text);
        }
        else
        {
            await Console.Error.WriteLineAsync($"{done}.");
        }

        return 0;
    }

    private static DashboardUsers Users(string? data) => new(new SqliteDashboardUserStore(CliOptions.OpenDatabase(data), TimeProvider.System), TimeProvider.System);
}
