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

    /// <summary>True when there is nothing to store but possibly the checkpoint.</summary>
    public bool IsEmpty => Created.Count == 0 && Links.Count == 0 && Merges.Count == 0 && Blocked.Count == 0 && Events.Count == 0 && Traits.Count == 0 && Suggestions.Count == 0 && Consents.Count == 0;
}
