using Sightline.Core.Identity;
using Sightline.Core.Profiles;

namespace Sightline.Core.Storage;

/// <summary>The derived state: identity graph, profiles, lineage, trait history, merges.</summary>
public interface IProfileStore
{
    /// <summary>The sequence number of the last event whose changes are stored (0 for none).</summary>
    Task<long> CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Fills <paramref name="graph"/> with the live profiles and their identifiers.</summary>
    Task LoadGraphAsync(InMemoryIdentityGraph graph, CancellationToken cancellationToken);

    /// <summary>Stores the changes and their checkpoint in one transaction.</summary>
    Task CommitAsync(ProfileChanges changes, CancellationToken cancellationToken);

    /// <summary>Deletes all derived state, so the pipeline rebuilds it from the log.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>The live profile holding an identifier (the most recently linked, if several), or null.</summary>
    Task<ProfileId?> FindAsync(Identifier identifier, CancellationToken cancellationToken);

    /// <summary>The live profile a profile id now belongs to (itself, or the one it merged into), or null.</summary>
    Task<ProfileId?> CanonicalAsync(ProfileId profile, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProfileIdentity>> IdentitiesAsync(ProfileId profile, CancellationToken cancellationToken);

    Task<IReadOnlyList<TraitValue>> TraitHistoryAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>The profile's events, newest first, before <paramref name="beforeSequence"/>.</summary>
    Task<IReadOnlyList<LoggedEvent>> EventsAsync(ProfileId profile, long beforeSequence, int limit, string? type, string? source, CancellationToken cancellationToken);

    Task<IReadOnlyList<MergeRecord>> MergesAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>Every logged event with its source, message id and the live profile it belongs to, in log order.</summary>
    IAsyncEnumerable<(string Source, string RecordId, ProfileId Profile)> LineageAsync(CancellationToken cancellationToken);

    /// <summary>Records that a person split two profiles apart; kept with the log, so rebuilds honour it.</summary>
    Task AddSeparationAsync(ProfileId from, ProfileId into, CancellationToken cancellationToken);

    /// <summary>Every recorded split, as (from, into) pairs.</summary>
    Task<IReadOnlyList<(ProfileId From, ProfileId Into)>> SeparationsAsync(CancellationToken cancellationToken);

    /// <summary>Every live profile id.</summary>
    IAsyncEnumerable<ProfileId> ProfilesAsync(CancellationToken cancellationToken);
}
