using Microsoft.Extensions.Options;
using Sightline.Server.Hosting;

namespace Sightline.Server.Dashboard.Users;

/// <summary>At first start, creates the dashboard's first admin and prints a generated password once.</summary>
internal sealed class FirstAdminBootstrap(DashboardUsers users, IOptions<SightlineOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.EnsureFirstAdminAsync(options.Value.AdminPassword, cancellationToken) is { } password)
        {
            // Straight to the console, not the log: the password must not end up in log files.
            Console.WriteLine($"Dashboard user \"{DashboardUsers.FirstAdmin}\" created; password (shown once, keep it safe): {password}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
