using Microsoft.Extensions.Options;
using Sightline.Server.Hosting;

namespace Sightline.Server.Retention;

/// <summary>
/// Runs a retention pass a minute after start and then every <see cref="RetentionOptions.Interval"/>, in the process
/// that runs the pipeline; with no rules it does nothing.
/// </summary>
internal sealed partial class RetentionService(
    RetentionPasses passes, IOptions<SightlineOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPass = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Pipeline || passes.Policy.Rules.Count == 0)
        {
            return;
        }

        var wait = FirstPass < passes.Options.Every() ? FirstPass : passes.Options.Every();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
                var run = await passes.RunAsync("schedule", dryRun: false, stoppingToken);
                Ran(logger, run.Id, run.Deleted, run.Minimized, (run.FinishedAt - run.StartedAt).TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (a busy database) is retried at the next interval; the server goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(logger, e);
            }

            wait = passes.Options.Every();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pass {Id}: {Deleted} events deleted, {Minimized} cut down to identity stubs, in {Seconds:0.0} s")]
    private static partial void Ran(ILogger logger, long id, long deleted, long minimized, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention pass failed; the next runs at the next interval")]
    private static partial void Failed(ILogger logger, Exception exception);
}
