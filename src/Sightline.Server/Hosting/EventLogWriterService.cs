using Sightline.Core.Events;

namespace Sightline.Server.Hosting;

/// <summary>
/// Runs the group-commit writer for the life of the host. It drains only once every other hosted
/// service, the web server included, has stopped, so requests still in flight at shutdown commit.
/// </summary>
internal sealed class EventLogWriterService(EventLogWriter writer) : IHostedLifecycleService
{
    private Task? _running;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => writer.RunAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }
    }
}
