using System.CommandLine;
using Sightline.Cli.Hosting;
using Sightline.Server.Hosting;

namespace Sightline.Cli.Serve;

internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CliOptions.Data();
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default: {SightlineApp.DefaultUrl})." };
        var command = new Command("serve", "Start the API on the embedded store.") { data, urls };
        // Anything else (--Sightline:AdminKey=…, --Logging:LogLevel:Default=…) is standard .NET configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async parse =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } directory)
            {
                overrides[$"{SightlineOptions.Section}:Data"] = directory;
            }

            if (parse.GetValue(urls) is { } listen)
            {
                overrides["urls"] = listen;
            }

            await using var app = SightlineApp.Build([.. parse.UnmatchedTokens], overrides);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
