using Sightline.Server.Access;

namespace Sightline.Server.Hosting;

/// <summary>At first start, creates the admin API key and prints it once.</summary>
internal sealed class AdminKeyBootstrap(ApiKeys keys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await keys.EnsureAdminKeyAsync(cancellationToken) is { } key)
        {
            // Straight to the console, not the log: the key must not end up in log files.
            Console.WriteLine($"Admin API key (shown once, keep it safe): {key}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
