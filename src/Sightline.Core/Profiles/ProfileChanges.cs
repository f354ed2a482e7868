using Sightline.Core.Audiences;
using Sightline.Core.Consent;
using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>
/// What the pipeline derived from a run of log events, committed in one transaction together with
/// <see cref="Checkpoint"/>, so a crash never applies an event twice or skips one.
/// </summary>
public sealed class ProfileChanges
{
    /// <summary>The sequence number of the last event these changes cover.</summary>
    public long Checkpoint { get; set; }

    public List<ProfileId> Created { get; } = [];

    public List<(Identifier Identifier, ProfileId Profile, long Sequence)> Links { get; } = [];

    public List<(ProfileMerge Merge, long Sequence)> Merges { get; } = [];

    public List<(BlockedMerge Blocked, long Sequence)> Blocked { get; } = [];

    /// <summary>Lineage: the profile each event joined when it was resolved.</summary>
    public List<(long Sequence, ProfileId Profile)> Events { get; } = [];

    public List<TraitObservation> Traits { get; } = [];

    public List<MergeSuggestion> Suggestions { get; } = [];

    public List<ConsentObservation> Consents { get; } = [];

    /// <summary>Events carrying an erased person's identifier, to delete from the log instead of resolving.</summary>
    public List<long> Dropped { get; } = [];

    /// <summary>Behavioural events to cut down to what identity and consent need: their person denied analytics.</summary>
    public List<long> Minimized { get; } = [];

    /// <summary>Profiles whose person denied analytics in this batch: their earlier behavioural events are cut down too.</summary>
    public List<ProfileId> Withdrawn { get; } = [];

    /// <summary>Computed-trait states to store (UTF-8 JSON), per profile and trait.</summary>
    public List<(ProfileId Profile, string Trait, byte[] State)> ComputedStates { get; } = [];

    /// <summary>Profiles merged away, whose computed-trait states now live in the profile they joined.</summary>
    public List<ProfileId> ComputedRetired { get; } = [];

    /// <summary>The computed traits whose every live profile's state is now built by this definition fingerprint.</summary>
    public List<(string Trait, string Fingerprint)> ComputedFingerprints { get; } = [];

    /// <summary>
    /// Computed-trait states changed in this batch are held in memory, not stored: until a later batch stores them with
    /// <see cref="ComputedFingerprints"/>, the stored fingerprints read as out of date, so a restart rebuilds the states.
    /// </summary>
    public bool ComputedUnsettled { get; set; }

    /// <summary>Computed traits no longer defined: their states go.</summary>
    public List<string> ComputedDropped { get; } = [];

    /// <summary>Profiles entering and leaving segments.</summary>
    public List<MembershipChange> Memberships { get; } = [];

    /// <summary>True when there is nothing to store but possibly the checkpoint.</summary>
    public bool IsEmpty => Created.Count == 0 && Links.Count == 0 && Merges.Count == 0 && Blocked.Count == 0 && Events.Count == 0 && Traits.Count == 0 && Suggestions.Count == 0 && Consents.Count == 0
        && ComputedStates.Count == 0 && ComputedRetired.Count == 0 && ComputedFingerprints.Count == 0 && ComputedDropped.Count == 0 && !ComputedUnsettled
        && Memberships.Count == 0;
}
