using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Sightline.Core.Privacy;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.LoadTest.Measurement;
using Sightline.Storage.Sqlite;

namespace Sightline.LoadTest.Baseline;

/// <summary>
/// The store's own speed: <see cref="SqliteEventLog.AppendAsync"/> on a fresh database with the
/// same synchronous setting as the server, in fixed-size transactions, with no HTTP and no parsing.
/// </summary>
internal static class RawAppend
{
    private const int WarmupEvents = 20_000;

    /// <summary>How many prepared entries a run of <paramref name="maxEvents"/> needs, warm-up included.</summary>
    public static int EntriesNeeded(int maxEvents) => WarmupEvents + maxEvents;

    public static async Task<RawFigures> RunAsync(
        LogEntry[] entries, int group, TimeSpan limit, LoadTestSettings settings, string scratch, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(scratch, $"raw-{group}-{Guid.NewGuid():N}");
        try
        {
            var protector = settings.RawEncrypted
                ? new FieldProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1, RandomNumberGenerator.GetBytes(32))
                : null;
            var database = new SqliteDatabase(directory, settings.Synchronous, protector);
            var added = await new SqliteSourceCatalog(database, TimeProvider.System)
                .AddAsync(NewSource.Create("bench", null, null, "rawbench12345").Source!, cancellationToken);
            if (added.Source?.Id != RawEvents.SourceId)
            {
                throw new InvalidOperationException("The fresh database did not give the source the expected id.");
            }

            using var log = new SqliteEventLog(database);
            var offset = 0;
            while (offset + group <= Math.Min(WarmupEvents, entries.Length))
            {
                await AppendAsync(log, entries, offset, group, cancellationToken);
                offset += group;
            }

            var cpuStart = CpuSnapshot.Take(server: null);
            var clock = Stopwatch.StartNew();
            var timed = 0L;
            while (offset + group <= entries.Length && clock.Elapsed < limit)
            {
                await AppendAsync(log, entries, offset, group, cancellationToken);
                offset += group;
                timed += group;
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = CpuSnapshot.Between(cpuStart, CpuSnapshot.Take(server: null));
            return new RawFigures(group, timed, seconds, cpu);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task AppendAsync(SqliteEventLog log, LogEntry[] entries, int offset, int group, CancellationToken cancellationToken)
    {
        var added = await log.AppendAsync(new ArraySegment<LogEntry>(entries, offset, group), [], cancellationToken);
        if (added != group)
        {
            throw new InvalidOperationException($"The log stored {added} of {group} events: ids were not unique.");
        }
    }
}
