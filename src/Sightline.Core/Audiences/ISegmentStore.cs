using Sightline.Core.ComputedTraits;
using Sightline.Core.Identity;

namespace Sightline.Core.Audiences;

/// <summary>Saved segments, their members and membership history, and computed-trait states.</summary>
public interface ISegmentStore
{
    Task<IReadOnlyList<SegmentDefinition>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The segment with this name, or with this id when <paramref name="nameOrId"/> is a number; null when none.</summary>
    Task<SegmentDefinition?> FindAsync(string nameOrId, CancellationToken cancellationToken);

    /// <summary>Saves a new segment; null when the name is taken.</summary>
    Task<SegmentDefinition?> CreateAsync(string name, string expression, string? description, CancellationToken cancellationToken);

    /// <summary>Changes a segment; null when it does not exist or the new name is taken by another.</summary>
    Task<SegmentDefinition?> UpdateAsync(long id, string name, string expression, string? description, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>A value that changes whenever a segment or a computed trait declared through the API is created, changed or deleted.</summary>
    Task<string> VersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Feeds <paramref name="engine"/> every live profile's traits, consents, computed-trait states, track events and
    /// memberships; with <paramref name="only"/>, those profiles' but their memberships (the engine kept them).
    /// </summary>
    Task LoadAsync(SegmentEngine engine, IReadOnlyCollection<ProfileId>? only, CancellationToken cancellationToken);

    /// <summary>The computed traits declared through the admin API, by name.</summary>
    Task<IReadOnlyList<StoredTraitDefinition>> ComputedDefinitionsAsync(CancellationToken cancellationToken);

    /// <summary>Saves a new computed-trait definition; false when one has its name.</summary>
    Task<bool> AddComputedAsync(TraitDefinition definition, CancellationToken cancellationToken);

    /// <summary>Replaces the definition with the same name; false when none has it.</summary>
    Task<bool> ReplaceComputedAsync(TraitDefinition definition, CancellationToken cancellationToken);

    Task<bool> DeleteComputedAsync(string name, CancellationToken cancellationToken);

    /// <summary>The definition fingerprint the stored states of each computed trait were built by.</summary>
    Task<IReadOnlyDictionary<string, string>> ComputedFingerprintsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Feeds <paramref name="recomputation"/> every resolved event of a live profile (or of <paramref name="only"/>
    /// these), in log order, under the profile it belongs to now.
    /// </summary>
    Task RecomputeAsync(ComputedRecomputation recomputation, IReadOnlyCollection<ProfileId>? only, CancellationToken cancellationToken);

    /// <summary>Members per segment id.</summary>
    Task<IReadOnlyDictionary<long, int>> SizesAsync(CancellationToken cancellationToken);

    /// <summary>A segment's members with a profile id above <paramref name="afterProfile"/>, lowest first.</summary>
    Task<IReadOnlyList<SegmentMember>> MembersAsync(long segment, long afterProfile, int limit, CancellationToken cancellationToken);

    /// <summary>Entries and exits, newest first, with an id below <paramref name="beforeId"/>: of one segment, of one profile (and those merged into it), or both.</summary>
    Task<IReadOnlyList<MembershipEntry>> HistoryAsync(long? segment, ProfileId? profile, long beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>Entries and exits per segment and UTC day, for the days from <paramref name="since"/> on (for trends).</summary>
    Task<IReadOnlyList<MembershipDay>> DailyChangesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The segments a live profile is in, with the time it entered each.</summary>
    Task<IReadOnlyList<SegmentMember>> MembershipsAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>A live profile's computed-trait states by trait name.</summary>
    Task<IReadOnlyDictionary<string, TraitState>> ComputedStatesAsync(ProfileId profile, CancellationToken cancellationToken);
}

/// <summary>A profile in a segment since a moment (as a segment's member, <see cref="Segment"/> is that segment).</summary>
public sealed record SegmentMember(long Segment, ProfileId Profile, DateTimeOffset Since);

/// <summary>How many profiles entered and left a segment on one UTC day.</summary>
public sealed record MembershipDay(long Segment, DateOnly Day, int Entered, int Left);

/// <summary>A computed trait declared through the admin API.</summary>
public sealed record StoredTraitDefinition(TraitDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One entry into or exit from a segment.</summary>
public sealed record MembershipEntry(long Id, long Segment, ProfileId Profile, bool Entered, DateTimeOffset At);
