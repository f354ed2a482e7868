using System.Text.Json;
using Sightline.Server.Dashboard.Users;
using Sightline.Storage.Sqlite;

namespace Sightline.Server.Tests.Cli;

/// <summary><c>sightline users</c>: dashboard users from the command line, with passwords shown once and never stored.</summary>
public sealed class UsersCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sightline-users-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempData.Delete(_data);
    }

    [Fact]
    public async Task Add_prints_a_password_once_that_signs_in_and_password_replaces_it_and_remove_ends_it()
    {
        var added = await SightlineCli.RunAsync("users", "add", "ana", "--role", "read", "--data", _data);
        var badRole = await SightlineCli.RunAsync("users", "add", "bob", "--role", "root", "--data", _data);
        var again = await SightlineCli.RunAsync("users", "add", "ANA", "--role", "admin", "--data", _data);

        added.ExitCode.ShouldBe(0, added.Error);
        var first = added.Out.Trim();
        first.Length.ShouldBe(20);
        badRole.ExitCode.ShouldBe(2);
        badRole.Error.ShouldContain("role");
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("exists");
        (await SignInAsync("ana", first)).ShouldBeTrue();

        var changed = await SightlineCli.RunAsync("users", "password", "ana", "--data", _data);
        changed.ExitCode.ShouldBe(0, changed.Error);
        (await SignInAsync("ana", first)).ShouldBeFalse();
        (await SignInAsync("ana", changed.Out.Trim())).ShouldBeTrue();

        var list = await SightlineCli.RunAsync("users", "list", "--json", "--data", _data);
        var users = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        users.Select(u => (u.GetProperty("name").GetString(), u.GetProperty("role").GetString())).ShouldBe([("ana", "read")]);
        list.Out.ShouldNotContain(changed.Out.Trim());

        (await SightlineCli.RunAsync("users", "remove", "ana", "--data", _data)).ExitCode.ShouldBe(0);
        (await SightlineCli.RunAsync("users", "remove", "ana", "--data", _data)).ExitCode.ShouldBe(1);
        (await SignInAsync("ana", changed.Out.Trim())).ShouldBeFalse();
    }

    private async Task<bool> SignInAsync(string name, string password)
    {
        var users = new DashboardUsers(new SqliteDashboardUserStore(new SqliteDatabase(_data, "FULL", new global::Sightline.Server.Hosting.SightlineOptions { Data = _data }.Protector()), TimeProvider.System), TimeProvider.System);
        return (await users.SignInAsync(name, password, CancellationToken.None)).User is not null;
    }
}
