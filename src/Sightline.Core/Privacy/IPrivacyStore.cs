using Sightline.Core.Identity;
using Sightline.Core.Storage;

namespace Sightline.Core.Privacy;

/// <summary>Data-subject requests, the suppression list and the erasure itself.</summary>
public interface IPrivacyStore
{
    Task<long> AddRequestAsync(PrivacyRequest request, byte[] identifierHash, CancellationToken cancellationToken);

    /// <summary>Records how a request ended.</summary>
    Task CompleteRequestAsync(long id, string status, string? profile, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken);

    Task<PrivacyRequest?> FindRequestAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<PrivacyRequest>> ListRequestsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Every suppressed identifier's keyed hash, to load the <see cref="SuppressionList"/> at start.</summary>
    Task<IReadOnlyList<byte[]>> SuppressedAsync(CancellationToken cancellationToken);

    /// <summary>The identifiers a live profile holds, each marked when another live profile holds it too (a household's phone).</summary>
    Task<IReadOnlyList<(Identifier Identifier, bool Shared)>> PersonIdentifiersAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>Pending merge suggestions involving any of the person's profiles: records that may be theirs too.</summary>
    Task<IReadOnlyList<long>> PendingSuggestionsAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>Every quarantined message and row, oldest first (searched for a person's identifiers: they are not indexed).</summary>
    IAsyncEnumerable<QuarantinedMessage> QuarantinedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a person: the live profile and every profile merged into it, their events (and the import records those
    /// came from), identities, traits, consents, merges, suggestions and decisions, and the quarantine entries given;
    /// stores the suppressed hashes; then reclaims the freed pages so the values are gone from the files. Returns counts.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> EraseAsync(
        ProfileId profile, IReadOnlyList<byte[]> suppress, IReadOnlyList<long> quarantineIds, long requestId, CancellationToken cancellationToken);

    /// <summary>Deletes logged events that carry a suppressed identifier (arrived as the person was erased), counting them per source.</summary>
    Task DropAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken);

    /// <summary>
    /// Cuts logged behavioural events (track, page, screen) down to what identity resolution and consent read of them
    /// (<c>IdentityStub</c>): the events named, and every such event of the live profiles named and the profiles merged
    /// into them. Their persons denied analytics.
    /// </summary>
    Task MinimizeAsync(IReadOnlyList<long> sequences, IReadOnlyList<ProfileId> profiles, CancellationToken cancellationToken);

    /// <summary>Messages and rows dropped for carrying a suppressed identifier, per source.</summary>
    Task CountDroppedAsync(string source, long count, CancellationToken cancellationToken);

    /// <summary>Dropped counts per source name, imports' included.</summary>
    Task<IReadOnlyDictionary<string, long>> DroppedAsync(CancellationToken cancellationToken);
}
