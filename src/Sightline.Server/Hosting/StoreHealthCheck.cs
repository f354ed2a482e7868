using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sightline.Core.Storage;

namespace Sightline.Server.Hosting;

/// <summary>Healthy when the store answers a query.</summary>
internal sealed class StoreHealthCheck(ISourceCatalog sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = (await sources.ListAsync(cancellationToken)).Count;
            return HealthCheckResult.Healthy($"{count} sources");
        }
#pragma warning disable CA1031 // A health check reports failures; it does not throw them.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
