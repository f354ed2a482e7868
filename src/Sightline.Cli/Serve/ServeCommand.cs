using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sightline.Cli.Hosting;
using Sightline.Server.Hosting;

namespace Sightline.Cli.Serve;

internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var urls = Urls();
        var command = new Command("serve", "Start the API on the embedded store.") { data, urls };
        // Anything else (--Sightline:AdminKey=…, --Logging:LogLevel:Default=…) is standard .NET configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async parse => await ServeAsync(parse.GetValue(data), parse.GetValue(urls), [.. parse.UnmatchedTokens], started: null));
        return command;
    }

    public static Option<string?> Urls() => new("--urls") { Description = $"Where to listen (default: {SightlineApp.DefaultUrl})." };

    /// <summary>Runs the server until it is stopped (Ctrl+C, SIGTERM); <paramref name="started"/> hears the addresses once it listens.</summary>
    internal static async Task<int> ServeAsync(string? data, string? urls, string[] configuration, Action<ICollection<string>>? started)
    {
        var overrides = new Dictionary<string, string?>();
        if (data is not null)
        {
            overrides[$"{SightlineOptions.Section}:Data"] = data;
        }

        if (urls is not null)
        {
            overrides["urls"] = urls;
        }

        await using var app = SightlineApp.Build(configuration, overrides);
        await app.StartAsync();
        started?.Invoke(app.Urls);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
