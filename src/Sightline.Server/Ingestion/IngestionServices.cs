using Microsoft.Extensions.Options;
using Sightline.Core.Events;
using Sightline.Core.Privacy;
using Sightline.Server.Hosting;

namespace Sightline.Server.Ingestion;

/// <summary>What an ingestion call needs, resolved once per request as one parameter.</summary>
public sealed record IngestionServices(
    MessageParser Parser,
    EventLogWriter Writer,
    WriteKeys WriteKeys,
    TimeProvider Time,
    IOptions<SightlineOptions> Options,
    SuppressionFilter Suppression,
    IPrivacyStore Privacy,
    ILogger<IngestionServices> Logger);
