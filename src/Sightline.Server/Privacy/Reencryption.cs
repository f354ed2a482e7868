using Microsoft.Extensions.Options;
using Sightline.Core.Privacy;
using Sightline.Server.Hosting;
using Sightline.Storage.Sqlite;

namespace Sightline.Server.Privacy;

/// <summary>
/// Moves every stored personal value to the current encryption key in the background: values under a key rotated
/// out (<c>sightline keys rotate-encryption</c>) and values written in clear before encryption was on. Once none is
/// under an old key, that key is forgotten by the database and removed from the key file.
/// </summary>
public sealed partial class Reencryption(SqliteEncryption encryption, IOptions<SightlineOptions> options, ILogger<Reencryption> logger) : BackgroundService
{
    // Small batches with a pause between them: ingestion and the pipeline wait at most one batch for the write lock.
    private const int BatchSize = 500;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    private long _reencrypted;

    /// <summary><c>off</c> (values written in clear), <c>re-encrypting</c>, <c>settled</c>, or <c>failed</c> (see the log).</summary>
    public string State { get; private set; } = "re-encrypting";

    /// <summary>Values re-encrypted since the start.</summary>
    public long Reencrypted => Interlocked.Read(ref _reencrypted);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Encryption)
        {
            State = "off";
            return;
        }

        try
        {
            // Repeat until a pass finds nothing to move: values written alongside a pass by a process still under an
            // older key are caught by the next.
            long moved;
            do
            {
                moved = await encryption.ReencryptAsync(BatchSize, Pause, stoppingToken);
                Interlocked.Add(ref _reencrypted, moved);
                if (moved > 0)
                {
                    Moved(logger, moved);
                }

                Forget(await encryption.RetireUnusedAsync(stoppingToken));
            }
            while (moved > 0);

            State = "settled";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed re-encryption leaves every value readable; ingestion and the API must go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            State = "failed";
            Failed(logger, e);
        }
    }

    private void Forget(IReadOnlyList<byte> retired)
    {
        var path = options.Value.KeyFilePath();
        if (retired.Count == 0 || !File.Exists(path))
        {
            return;
        }

        var keys = KeyFile.Load(path);
        var kept = keys.Without([.. retired]);
        if (kept.Encryption.Count < keys.Encryption.Count)
        {
            KeyFile.Save(path, kept);
            var removed = string.Join(", ", keys.Encryption.Select(k => k.Id).Except(kept.Encryption.Select(k => k.Id)));
            Retired(logger, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} stored values under the current key")]
    private static partial void Moved(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed encryption keys {Ids} from the key file: no stored value uses them")]
    private static partial void Retired(ILogger logger, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-encryption failed; stored values stay readable under their keys")]
    private static partial void Failed(ILogger logger, Exception exception);
}
