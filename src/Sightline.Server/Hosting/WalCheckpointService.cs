using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sightline.Storage.Sqlite;

namespace Sightline.Server.Hosting;

/// <summary>
/// Checkpoints the store's write-ahead logs every <see cref="SightlineOptions.WalCheckpointMilliseconds"/>, beside the
/// writers instead of inside their commits.
/// </summary>
/// <remarks>
/// By default SQLite checkpoints inside the commit that takes a log past 1,000 pages: the pipeline's commit (or an
/// ingestion request's) then also copied some 4 MB into the file and synced it, tens of milliseconds that every event
/// of the batch waited for. A write-ahead log lets that copying run while others read and write.
/// </remarks>
internal sealed partial class WalCheckpointService(SqliteDatabase database, IOptions<SightlineOptions> options, ILogger<WalCheckpointService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WalCheckpointMilliseconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.WalCheckpointMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Synchronous SQLite work: off the timer's thread, so a slow sync never holds up a pool thread's queue.
                    await Task.Run(database.Checkpoint, stoppingToken);
                }
                catch (SqliteException e)
                {
                    // A commit past the bound checkpoints on its own meanwhile; the next tick tries again.
                    Failed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint of the store's write-ahead logs failed; trying again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
