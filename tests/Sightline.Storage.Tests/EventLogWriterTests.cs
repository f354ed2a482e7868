using System.Text;
using Microsoft.Data.Sqlite;
using Sightline.Core.Events;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Storage.Sqlite;

namespace Sightline.Storage.Tests;

public sealed class EventLogWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sightline-writer-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteEventLog _sqlite;
    private readonly CountingLog _log;
    private readonly long _source;

    public EventLogWriterTests()
    {
        var database = new SqliteDatabase(_directory);
        _sqlite = new SqliteEventLog(database);
        _log = new CountingLog(_sqlite);
        _source = new SqliteSourceCatalog(database, TimeProvider.System)
            .AddAsync(NewSource.Create("web", null, null, null).Source!, CancellationToken.None).Result.Source!.Id;
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static EventMessage Message(string id) => new()
    {
        Type = MessageType.Track,
        MessageId = id,
        UserId = "u",
        Timestamp = DateTimeOffset.UnixEpoch,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Json = Encoding.UTF8.GetBytes("{}"),
    };

    [Fact]
    public async Task Concurrent_requests_share_commits_and_each_returns_after_its_commit()
    {
        var writer = new EventLogWriter(_log);
        var running = Task.Run(() => writer.RunAsync(CancellationToken.None));

        var requests = Enumerable.Range(0, 200).Select(r => Task.Run(async () =>
        {
            await writer.AppendAsync(_source, [Message($"{r}-a"), Message($"{r}-b")], [], DateTimeOffset.UnixEpoch, CancellationToken.None);
            // Acknowledged means readable from the store.
            var stored = await _sqlite.ReadAsync(0, int.MaxValue, CancellationToken.None);
            stored.Select(e => e.MessageId).ShouldContain($"{r}-b");
        }));
        await Task.WhenAll(requests);
        writer.Complete();
        await running;

        (await _sqlite.ReadAsync(0, int.MaxValue, CancellationToken.None)).Count.ShouldBe(400);
        _log.Commits.ShouldBeLessThan(200, "requests queued together should share a transaction");
    }

    [Fact]
    public async Task A_failed_commit_fails_every_request_in_it_and_the_writer_carries_on()
    {
        var writer = new EventLogWriter(_log);
        var running = Task.Run(() => writer.RunAsync(CancellationToken.None));
        _log.FailNext = true;

        await Should.ThrowAsync<IOException>(() => writer.AppendAsync(_source, [Message("lost")], [], DateTimeOffset.UnixEpoch, CancellationToken.None));
        await writer.AppendAsync(_source, [Message("kept")], [], DateTimeOffset.UnixEpoch, CancellationToken.None);
        writer.Complete();
        await running;

        (await _sqlite.ReadAsync(0, 10, CancellationToken.None)).ShouldHaveSingleItem().MessageId.ShouldBe("kept");
    }

    [Fact]
    public async Task Complete_drains_what_is_queued()
    {
        var writer = new EventLogWriter(_log);
        var pending = Enumerable.Range(0, 20).Select(i => writer.AppendAsync(_source, [Message($"m{i}")], [], DateTimeOffset.UnixEpoch, CancellationToken.None)).ToList();

        writer.Complete();
        await writer.RunAsync(CancellationToken.None);

        await Task.WhenAll(pending);
        (await _sqlite.ReadAsync(0, 100, CancellationToken.None)).Count.ShouldBe(20);
    }

    /// <summary>The real SQLite log, counting commits and failing one on request.</summary>
    private sealed class CountingLog(IEventLog inner) : IEventLog
    {
        public int Commits { get; private set; }

        public bool FailNext { get; set; }

        public Task<int> AppendAsync(IReadOnlyList<LogEntry> entries, IReadOnlyList<QuarantineEntry> quarantine, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }

            Commits++;
            return inner.AppendAsync(entries, quarantine, cancellationToken);
        }

        public Task<IReadOnlyList<LoggedEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(afterSequence, limit, cancellationToken);
    }
}
