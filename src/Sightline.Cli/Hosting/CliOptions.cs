using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sightline.Server.Hosting;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Hosting;

/// <summary>Options every command that touches data shares, and the store they open.</summary>
internal static class CliOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "Data directory (default: ./sightline-data, or Sightline:Data from configuration).",
    };

    /// <summary>
    /// Opens the database the same way the server would: appsettings.json and SIGHTLINE__… variables,
    /// with --data taking precedence.
    /// </summary>
    public static SqliteDatabase OpenDatabase(string? dataFlag)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new SightlineOptions();
        configuration.GetSection(SightlineOptions.Section).Bind(options);
        return new SqliteDatabase(dataFlag ?? options.Data, options.Synchronous);
    }
}
