using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Sightline.Core.Sources;
using Sightline.Core.Storage;

namespace Sightline.Server.Ingestion;

/// <summary>
/// Finds the source a write key belongs to. Sources are few and rarely change, so known keys are
/// cached; an unknown key asks the store, so a source added by the CLI works at once.
/// </summary>
public sealed class WriteKeys(ISourceCatalog sources)
{
    private readonly ConcurrentDictionary<string, Source> _known = new(StringComparer.Ordinal);

    public async ValueTask<Source?> FindAsync(string writeKey, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(writeKey, out var source))
        {
            return source;
        }

        source = await sources.FindByWriteKeyAsync(writeKey, cancellationToken);
        if (source is not null)
        {
            _known[writeKey] = source;
        }

        return source;
    }

    /// <summary>The write key sent as the HTTP Basic user name (the password is empty), as Segment's SDKs do.</summary>
    public static string? FromBasicAuthorization(string? header)
    {
        if (header is null || !AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, decoded, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(decoded[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? text : text[..colon];
    }
}
