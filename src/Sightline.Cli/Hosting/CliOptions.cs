using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Privacy;
using Sightline.Server.Hosting;
using Sightline.Server.Consent;
using Sightline.Server.Import;
using Sightline.Server.Privacy;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Hosting;

/// <summary>Options every command that touches data shares, and the store they open.</summary>
internal static class CliOptions
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Option<string?> Data() => new("--data")
    {
        Description = "Data directory (default: ./sightline-data, or Sightline:Data from configuration).",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON lines instead of a table, for scripts." };

    /// <summary>One JSON object per line on standard output, named as the HTTP API names them.</summary>
    public static void WriteJsonLines<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            Console.WriteLine(JsonSerializer.Serialize(row, JsonOptions));
        }
    }

    /// <summary>
    /// Opens the database the same way the server would: appsettings.json and SIGHTLINE__… variables,
    /// with --data taking precedence.
    /// </summary>
    public static SqliteDatabase OpenDatabase(string? dataFlag)
    {
        var options = Settings(dataFlag);
        return new SqliteDatabase(options.Data, options.Synchronous, options.Protector());
    }

    /// <summary>The Sightline settings from appsettings.json and the environment, as the server reads them.</summary>
    public static SightlineOptions Settings()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new SightlineOptions();
        configuration.GetSection(SightlineOptions.Section).Bind(options);
        return options;
    }

    /// <summary>The import service over the store, with the message limits and the suppression list the server applies.</summary>
    public static (ImportService Service, SqliteEventLog Log) Imports(string? dataFlag)
    {
        var database = OpenDatabase(dataFlag);
        var log = new SqliteEventLog(database);
        var settings = Settings(dataFlag);
        var suppression = new SuppressionFilter(
            PrivacyDesk.Suppression(settings, new SqlitePrivacyStore(database)), new IdentifierExtractor(new IdentifierNormalizer(settings.DefaultPhoneRegion)));
        return (new ImportService(new SqliteSourceCatalog(database, TimeProvider.System), log, Parser(settings), suppression), log);
    }

    /// <summary>The privacy desk over the store; the server must be stopped (its pipeline holds profiles in memory).</summary>
    public static (PrivacyDesk Desk, SqlitePrivacyStore Store, SuppressionList Suppression) Privacy(string? dataFlag)
    {
        var database = OpenDatabase(dataFlag);
        var settings = Settings(dataFlag);
        var privacy = new SqlitePrivacyStore(database);
        var suppression = PrivacyDesk.Suppression(settings, privacy);
        var profiles = new SqliteProfileStore(database);
        var changes = new DirectChanges(profiles, new SqliteSourceCatalog(database, TimeProvider.System), new SqliteEventLog(database), Parser(settings));
        return (new PrivacyDesk(profiles, privacy, suppression, changes, settings.Purposes()), privacy, suppression);
    }

    /// <summary>The settings, with the data directory the --data flag names.</summary>
    public static SightlineOptions Settings(string? dataFlag)
    {
        var settings = Settings();
        settings.Data = dataFlag ?? settings.Data;
        return settings;
    }

    private static MessageParser Parser(SightlineOptions settings) =>
        new(new IngestionLimits { MaxMessageBytes = settings.MaxMessageBytes, MaxRequestBytes = settings.MaxRequestBytes });
}
