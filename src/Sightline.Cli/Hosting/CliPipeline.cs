using Sightline.Core.Audiences;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Server.Hosting;
using Sightline.Server.Privacy;
using Sightline.Storage.Sqlite;

namespace Sightline.Cli.Hosting;

/// <summary>
/// The profile pipeline over the data directory as the server runs it (suppression list, computed traits, segments),
/// for commands that bring derived state up to date with the server stopped: rebuild, unmerge, segments.
/// </summary>
internal sealed class CliPipeline : IDisposable
{
    private readonly SqliteEventLog _log;

    private CliPipeline(string? dataFlag)
    {
        Settings = CliOptions.Settings();
        Settings.Data = dataFlag ?? Settings.Data;
        Database = new SqliteDatabase(Settings.Data, Settings.Synchronous, Settings.Protector());
        Profiles = new SqliteProfileStore(Database);
        Segments = new SqliteSegmentStore(Database, TimeProvider.System);
        Engine = new SegmentEngine(Settings.ComputedTraitSet());
        _log = new SqliteEventLog(Database);
        var privacy = new SqlitePrivacyStore(Database);
        Pipeline = new ProfilePipeline(
            _log, Profiles, new SqliteSourceCatalog(Database, TimeProvider.System), MergeRules.Default,
            new IdentifierExtractor(new IdentifierNormalizer(Settings.DefaultPhoneRegion)), Settings.Matching(),
            suppression: PrivacyDesk.Suppression(Settings, privacy), privacy: privacy,
            segments: new SegmentRuntime(Engine, Segments, TimeSpan.FromSeconds(Settings.SegmentRefreshSeconds), [.. Engine.Computed.Traits.Select(t => t.Definition)]));
    }

    public SightlineOptions Settings { get; }

    public SqliteDatabase Database { get; }

    public SqliteProfileStore Profiles { get; }

    public SqliteSegmentStore Segments { get; }

    public SegmentEngine Engine { get; }

    public ProfilePipeline Pipeline { get; }

    public static CliPipeline Open(string? dataFlag) => new(dataFlag);

    /// <summary>Processes the log to its end and evaluates every segment.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => Pipeline.RunAsync(untilCaughtUp: true, cancellationToken);

    public void Dispose()
    {
        Pipeline.Dispose();
        _log.Dispose();
    }
}
