using Sightline.Core.Identity;

namespace Sightline.Core.Profiles;

/// <summary>
/// Keeps a view of profiles that lives outside the pipeline's transaction (a search index, a cache) in step with it.
/// Called on the pipeline's thread, after each commit: keep it quick, and do not throw for one bad profile.
/// </summary>
public interface IProfileObserver
{
    /// <summary>A batch is committed: <see cref="ProfileBatch.Touched"/> changed, <see cref="ProfileBatch.Retired"/> merged away.</summary>
    Task CommittedAsync(ProfileBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// The pipeline reloaded its state from the store (at start, after an erasure, after an unmerge's rebuild):
    /// any profile may have changed or gone, so rebuild the view from the store.
    /// </summary>
    Task ReloadedAsync(CancellationToken cancellationToken);
}

/// <summary>What one committed batch changed.</summary>
/// <param name="Checkpoint">The last event the batch covers.</param>
/// <param name="Touched">Live profiles whose identities, traits, consents, events or segments changed.</param>
/// <param name="Retired">Profiles merged into another in this batch (look them up by their canonical id from now on).</param>
/// <param name="Described">
/// The touched profiles whose person data (names, e-mail, phone, address, birth date) may have changed: what a search
/// index finds and shows a person by. Most events (a page view, a purchase, a visit with a new anonymous id) touch a
/// profile without this.
/// </param>
public sealed record ProfileBatch(long Checkpoint, IReadOnlyCollection<ProfileId> Touched, IReadOnlyCollection<ProfileId> Retired, IReadOnlyCollection<ProfileId> Described);
