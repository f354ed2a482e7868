using Microsoft.Extensions.Options;
using Sightline.Core.Profiles;

namespace Sightline.Server.Hosting;

/// <summary>Runs the profile pipeline for the life of the host, restarting it from its checkpoint after a failure.</summary>
internal sealed partial class ProfilePipelineService(ProfilePipeline pipeline, IOptions<SightlineOptions> options, ILogger<ProfilePipelineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Pipeline)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Each run reloads the graph from the store, so a failed commit never leaves it ahead of what is stored.
                await pipeline.RunAsync(untilCaughtUp: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The pipeline must outlive a bad batch or a busy database; it retries from its checkpoint.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(logger, e, pipeline.Processed);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Profile pipeline failed after event {Sequence}; retrying from its checkpoint")]
    private static partial void Failed(ILogger logger, Exception exception, long sequence);
}
