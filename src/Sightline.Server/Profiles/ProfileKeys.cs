using System.Globalization;
using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Server.Profiles;

/// <summary>
/// Resolves the <c>{key}</c> of a profile route once per request: the endpoint, the purpose filter and the audit trail
/// all need it, and each lookup is a round trip to the store.
/// </summary>
public sealed class ProfileKeys(IProfileStore store)
{
    private readonly Dictionary<string, ProfileId?> _resolved = new(StringComparer.Ordinal);

    /// <summary>A numeric key is a profile id; <c>type:value</c> is an identifier, normalized as the pipeline normalizes it.</summary>
    public async Task<ProfileId?> ResolveAsync(string key, CancellationToken cancellationToken)
    {
        if (!_resolved.TryGetValue(key, out var profile))
        {
            _resolved[key] = profile = await LookUpAsync(key, cancellationToken);
        }

        return profile;
    }

    private async Task<ProfileId?> LookUpAsync(string key, CancellationToken cancellationToken)
    {
        if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await store.CanonicalAsync(new ProfileId(id), cancellationToken);
        }

        return Identifier.TryParse(key, out var identifier) && new IdentifierNormalizer().Normalize(identifier.Type, identifier.Value) is { } normalized
            ? await store.FindAsync(normalized, cancellationToken)
            : null;
    }
}
