using System.Globalization;
using System.Text;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Profiles;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

/// <summary>
/// While behind, the pipeline holds changed computed states in memory: what it stores is what storing every batch
/// stored, and a stop before they are stored leaves fingerprints that make the next start build them from the log.
/// </summary>
public sealed class ComputedHoldTests : IDisposable
{
    private const int BatchSize = 10;
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<TraitDefinition> Definitions = TraitDefinitionLoader.Parse(
        """
        traits:
          - name: spent
            aggregation: sum
            event: Order Completed
            property: total
          - name: orders
            aggregation: count
            event: Order Completed
        """,
        "test").Definitions;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_stop_while_states_are_held_leaves_them_to_be_built_again_from_the_log_at_the_next_start()
    {
        var database = new SqliteDatabase(_directory.Path);
        using var log = await LogAsync(database, orders: 95);
        var segments = new SqliteSegmentStore(database, TimeProvider.System);
        var fingerprints = new ComputedTraitSet(Definitions).Traits.ToDictionary(t => t.Name, t => t.Fingerprint);

        // The first batch stores its states; the next ones hold theirs back, and the stop comes after the third commit.
        using (var stopping = Pipeline(database, log, segments, new StopAfter(commits: 3)))
        {
            await Should.ThrowAsync<InvalidOperationException>(() => stopping.RunAsync(untilCaughtUp: true, CancellationToken.None));
        }

        (await new SqliteProfileStore(database).CheckpointAsync(CancellationToken.None)).ShouldBe(3 * BatchSize);
        (await segments.ComputedFingerprintsAsync(CancellationToken.None)).Values.ShouldAllBe(f => f == "unsettled");

        using (var restarted = Pipeline(database, log, segments))
        {
            await restarted.RunAsync(untilCaughtUp: true, CancellationToken.None);
        }

        (await segments.ComputedFingerprintsAsync(CancellationToken.None)).ShouldBe(fingerprints, ignoreOrder: true);
        await ShouldHoldTotalsAsync(database, segments, orders: 95);
    }

    [Fact]
    public async Task A_backlog_that_ends_on_a_batch_edge_stores_what_its_batches_held()
    {
        var database = new SqliteDatabase(_directory.Path);
        using var log = await LogAsync(database, orders: 4 * BatchSize);
        var segments = new SqliteSegmentStore(database, TimeProvider.System);
        using (var pipeline = Pipeline(database, log, segments))
        {
            await pipeline.RunAsync(untilCaughtUp: true, CancellationToken.None);
        }

        (await segments.ComputedFingerprintsAsync(CancellationToken.None)).Values.ShouldNotContain("unsettled");
        await ShouldHoldTotalsAsync(database, segments, orders: 4 * BatchSize);
    }

    /// <summary>Orders by three customers in turn, the nth order's total n.</summary>
    private static async Task<SqliteEventLog> LogAsync(SqliteDatabase database, int orders)
    {
        var source = (await new SqliteSourceCatalog(database, TimeProvider.System).AddAsync(NewSource.Create("web", "customer-direct", null, null).Source!, CancellationToken.None)).Source!.Id;
        var log = new SqliteEventLog(database);
        var entries = Enumerable.Range(1, orders).Select(n => new LogEntry(source, new EventMessage
        {
            Type = MessageType.Track,
            MessageId = $"order-{n}",
            UserId = Customer(n),
            Timestamp = At.AddMinutes(n),
            ReceivedAt = At.AddMinutes(n),
            Json = Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"type":"track","messageId":"order-{{n}}","userId":"{{Customer(n)}}","event":"Order Completed","properties":{"total":{{n}}},"timestamp":"{{At.AddMinutes(n):O}}"}""")),
        })).ToList();
        await log.AppendAsync(entries, [], CancellationToken.None);
        return log;
    }

    private static string Customer(int order) => $"customer-{order % 3}";

    private static async Task ShouldHoldTotalsAsync(SqliteDatabase database, SqliteSegmentStore segments, int orders)
    {
        var set = new ComputedTraitSet(Definitions);
        var profiles = new SqliteProfileStore(database);
        foreach (var customer in Enumerable.Range(0, 3))
        {
            var mine = Enumerable.Range(1, orders).Where(n => n % 3 == customer).ToList();
            var profile = (await profiles.FindAsync(new Identifier(IdentifierTypes.UserId, $"customer-{customer}"), CancellationToken.None)).ShouldNotBeNull();
            var states = await segments.ComputedStatesAsync(profile, CancellationToken.None);
            set.Find("orders")!.Value(states["orders"], At).Number.ShouldBe(mine.Count);
            set.Find("spent")!.Value(states["spent"], At).Number.ShouldBe(mine.Sum());
        }
    }

    private static ProfilePipeline Pipeline(SqliteDatabase database, SqliteEventLog log, SqliteSegmentStore segments, IProfileObserver? observer = null) =>
        new(
            log, new SqliteProfileStore(database), new SqliteSourceCatalog(database, TimeProvider.System), MergeRules.Default,
            new IdentifierExtractor(new IdentifierNormalizer("ES")), new MatchSettings(), BatchSize,
            observers: observer is null ? null : [observer],
            segments: new SegmentRuntime(new SegmentEngine(new ComputedTraitSet(Definitions)), segments, TimeSpan.FromMinutes(1), Definitions));

    /// <summary>Fails the pipeline once its nth batch is committed, as a crash right after that commit would leave the store.</summary>
    private sealed class StopAfter(int commits) : IProfileObserver
    {
        private int _seen;

        public Task CommittedAsync(ProfileBatch batch, CancellationToken cancellationToken) =>
            ++_seen == commits ? throw new InvalidOperationException("stopped") : Task.CompletedTask;

        public Task ReloadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
