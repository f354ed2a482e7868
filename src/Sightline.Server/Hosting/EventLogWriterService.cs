using Sightline.Core.Events;

namespace Sightline.Server.Hosting;

/// <summary>Runs the group-commit writer for the life of the host and drains it on shutdown.</summary>
internal sealed class EventLogWriterService(EventLogWriter writer) : IHostedService
{
    private Task? _running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => writer.RunAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }
    }
}
