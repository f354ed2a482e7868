using Sightline.Core.Consent;
using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;
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

    /// <summary>The identifier types the graph holds (the built-in ones in use and any custom type a source sent), in order.</summary>
    Task<IReadOnlyList<string>> IdentifierTypesAsync(CancellationToken cancellationToken);

    /// <summary>The live profile a profile id now belongs to (itself, or the one it merged into), or null.</summary>
    Task<ProfileId?> CanonicalAsync(ProfileId profile, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProfileIdentity>> IdentitiesAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>
    /// The identifiers and, of the traits named <paramref name="traitNames"/>, the latest value from each source (what
    /// survivorship ranks) of those of <paramref name="profiles"/> that are live, read together (profiles merged away
    /// are left out): the search index's update after each commit.
    /// </summary>
    Task<IReadOnlyList<SearchableProfile>> SearchableAsync(IReadOnlyCollection<ProfileId> profiles, IReadOnlySet<string> traitNames, CancellationToken cancellationToken);

    /// <summary>Every consent choice of the profile (and the profiles merged into it), oldest first.</summary>
    Task<IReadOnlyList<ConsentRecord>> ConsentHistoryAsync(ProfileId profile, CancellationToken cancellationToken);

    /// <summary>Every trait name observed, with one of its values (JSON), to tell segments what can be compared and how.</summary>
    Task<IReadOnlyDictionary<string, string>> TraitSamplesAsync(CancellationToken cancellationToken);

    /// <summary>The shown value of each trait (<see cref="Survivorship"/>), read from each source's latest value, not the whole history.</summary>
    Task<IReadOnlyList<TraitValue>> CurrentTraitsAsync(ProfileId profile, CancellationToken cancellationToken);

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

    /// <summary>Every observation of a person-data trait (<see cref="PersonTraits.Names"/>) with its live profile and event, oldest first.</summary>
    IAsyncEnumerable<PersonTraitObservation> PersonTraitsAsync(CancellationToken cancellationToken);

    /// <summary>The match model in force (kept beside the log, so rebuilds match as before), or null for the starter model.</summary>
    Task<MatchModel?> MatchModelAsync(CancellationToken cancellationToken);

    Task SaveMatchModelAsync(MatchModel model, CancellationToken cancellationToken);

    /// <summary>Suggestions in <paramref name="status"/> (pending, approved, rejected) with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredSuggestion>> SuggestionsAsync(string status, long afterId, int limit, CancellationToken cancellationToken);

    Task<StoredSuggestion?> SuggestionAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a suggestion approved or rejected.</summary>
    Task DecideSuggestionAsync(long id, string status, CancellationToken cancellationToken);

    /// <summary>Records a person's approval of a match (kept beside the log, like a split); returns its id.</summary>
    Task<long> AddApprovedMatchAsync(ProfileId profile, ProfileId other, long afterSequence, MatchEvidence evidence, CancellationToken cancellationToken);

    /// <summary>Every recorded approval, in the order they were made.</summary>
    Task<IReadOnlyList<ApprovedMatch>> ApprovedMatchesAsync(CancellationToken cancellationToken);
}
