using System.Diagnostics;
using System.Threading.Channels;
using Sightline.Core.Identity;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;

namespace Sightline.Server.Search;

/// <summary>
/// Keeps <see cref="ProfileSearch"/> in step with the pipeline: the observer calls only queue the work, so the pipeline
/// never waits for the index; a background loop re-reads the profiles whose description changed (many commits touching
/// one profile coalesce into one update) and rebuilds the whole index at start and whenever the pipeline reloads
/// (an erasure, an unmerge), so an erased person leaves the index with the store.
/// </summary>
public sealed class ProfileIndexer(IProfileStore store, ProfileSearch search, IdentifierNormalizer normalizer, ILogger<ProfileIndexer> logger)
    : BackgroundService, IProfileObserver
{
    private static readonly TimeSpan MinimumPassInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaximumPassInterval = TimeSpan.FromSeconds(2);

    // A null entry asks for a rebuild.
    private readonly Channel<ProfileBatch?> _work = Channel.CreateUnbounded<ProfileBatch?>(new UnboundedChannelOptions { SingleReader = true });
    private long _pending = 1;

    /// <summary>True when every change reported so far is searchable.</summary>
    public bool CaughtUp => Interlocked.Read(ref _pending) == 0;

    public Task CommittedAsync(ProfileBatch batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        _work.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    public Task ReloadedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pending);
        _work.Writer.TryWrite(null);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Without a pipeline in this process (an ingest-only node) nothing else would fill the index.
        _work.Writer.TryWrite(null);
        var (lastPass, lastUpdate) = (0L, TimeSpan.Zero);
        while (await _work.Reader.WaitToReadAsync(stoppingToken))
        {
            // Every pass ends in a Lucene refresh, which writes a new segment that background merges then rewrite:
            // under load, a pass per pipeline commit cost more than the pipeline itself. So passes are spaced: at least
            // MinimumPassInterval apart, and four times as long as the last update took, which holds the index to about
            // a fifth of a core under full ingestion load (where 250 ms apart it kept the pipeline from keeping up with
            // 50,000 events/s, bench/results/pipeline.md) and lets each pass gather more changes. A quiet server's
            // search sees a change within a fraction of a second, a busy one's within MaximumPassInterval or so.
            var spacing = TimeSpan.FromTicks(Math.Clamp(lastUpdate.Ticks * 4, MinimumPassInterval.Ticks, MaximumPassInterval.Ticks));
            if (Stopwatch.GetElapsedTime(lastPass) is var since && since < spacing)
            {
                await Task.Delay(spacing - since, stoppingToken);
            }

            lastPass = Stopwatch.GetTimestamp();
            var taken = 0;
            var rebuild = false;
            var touched = new HashSet<ProfileId>();
            var retired = new HashSet<ProfileId>();
            while (_work.Reader.TryRead(out var item))
            {
                taken++;
                if (item is null)
                {
                    rebuild = true;
                }
                else
                {
                    // A page view or a purchase touches a profile without changing what a search finds it by.
                    touched.UnionWith(item.Described);
                    retired.UnionWith(item.Retired);
                }
            }

            try
            {
                // A rebuild reads the store after every queued commit was stored, so it covers them.
                if (rebuild)
                {
                    await RebuildAsync(stoppingToken);
                    lastUpdate = TimeSpan.Zero;
                }
                else
                {
                    await UpdateAsync(touched, retired, stoppingToken);
                    lastUpdate = Stopwatch.GetElapsedTime(lastPass);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Updating the search index failed; it is rebuilt at the next reload.");
            }

            Interlocked.Add(ref _pending, -taken);
        }
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var graph = new InMemoryIdentityGraph();
        await store.LoadGraphAsync(graph, cancellationToken);
        var people = await PersonTraits.CollectAsync(store.PersonTraitsAsync(cancellationToken), o => o.Profile, cancellationToken);
        var documents = new List<SearchDocument>();
        await foreach (var profile in store.ProfilesAsync(cancellationToken))
        {
            documents.Add(Describe(profile, people.GetValueOrDefault(profile), graph.IdentifiersOf(profile)));
        }

        search.Replace(documents);
    }

    private async Task UpdateAsync(HashSet<ProfileId> touched, HashSet<ProfileId> retired, CancellationToken cancellationToken)
    {
        // One read for all the touched profiles of a pass, where there were three queries per profile.
        var upserts = new List<SearchDocument>();
        foreach (var live in await store.SearchableAsync(touched, PersonTraits.Names, cancellationToken))
        {
            touched.Remove(live.Profile);
            var person = (PersonRecord?)null;
            foreach (var trait in Survivorship.Current(live.PersonTraits))
            {
                using var value = System.Text.Json.JsonDocument.Parse(trait.Json);
                person = PersonTraits.Apply(person ?? new PersonRecord { Id = live.Profile.ToString() }, trait.Name, value.RootElement);
            }

            upserts.Add(Describe(live.Profile, person, live.Identifiers));
        }

        // What is left was merged away (or erased).
        retired.UnionWith(touched);
        search.Update(upserts, retired);
    }

    /// <summary>The search document of a profile, from its person data and identifiers.</summary>
    public SearchDocument Describe(ProfileId profile, PersonRecord? person, IReadOnlyCollection<Identifier> identifiers)
    {
        var emails = identifiers.Where(i => i.Type == IdentifierTypes.Email).Select(i => i.Value).ToList();
        if (normalizer.Normalize(IdentifierTypes.Email, person?.Email) is { } email && !emails.Contains(email.Value))
        {
            emails.Add(email.Value);
        }

        var phones = identifiers.Where(i => i.Type == IdentifierTypes.Phone).Select(i => i.Value).ToList();
        if (normalizer.Normalize(IdentifierTypes.Phone, person?.Phone) is { } phone && !phones.Contains(phone.Value))
        {
            phones.Add(phone.Value);
        }

        string[] names = [.. new[] { person?.GivenName, person?.Surname }.OfType<string>()];
        return new SearchDocument(profile, names.Length > 0 ? string.Join(' ', names) : null, names, emails, phones, person?.City, person?.BirthDate);
    }
}
