using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Events;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;
using Sightline.Server.Access;
using Sightline.Server.Segments;

namespace Sightline.Server.Profiles;

/// <summary>
/// Reading unified profiles: by id (<c>/v1/profiles/123</c>) or by any identifier (<c>/v1/profiles/email:ana@shop.es</c>).
/// A merged-away id answers with the profile it is now part of.
/// </summary>
public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/v1/profiles/{key}").RequireAuthorization(Policies.ReadProfiles).WithTags("Profiles")
            .AddEndpointFilter(ForPurpose);
        profiles.MapGet("/", GetAsync).WithName("get-profile").WithSummary("A unified profile: identities and current traits with their source.");
        profiles.MapGet("/identities", IdentitiesAsync).WithName("profile-identities").WithSummary("Every identifier, with the source and event it came from.");
        profiles.MapGet("/traits", TraitsAsync).WithName("profile-traits").WithSummary("Current trait values with provenance; ?history=true adds every observed value.");
        profiles.MapGet("/segments", SegmentsAsync).WithName("profile-segments")
            .WithSummary("The segments the profile is in, with the time it entered each; ?history=true adds every entry and exit.");
        profiles.MapGet("/events", EventsAsync).WithName("profile-events").WithSummary("The timeline, newest first, paged with ?before=CURSOR; filter with ?type= and ?source=.");
        profiles.MapGet("/merges", MergesAsync).WithName("profile-merges").WithSummary("Merges and blocked merges, with their evidence: the shared identifier, or the match weights per field.");
        profiles.MapPost("/unmerge", UnmergeEndpointAsync).RequireAuthorization(Policies.Admin).WithName("unmerge-profile")
            .WithSummary("Split a merged profile off again; the split is remembered, so the same evidence never merges them again.");
        app.MapGet("/v1/pipeline", (ProfilePipeline pipeline) => TypedResults.Ok(new PipelineView(pipeline.Processed)))
            .RequireAuthorization(Policies.ReadProfiles).WithTags("Profiles").WithName("pipeline").WithSummary("How far the profile pipeline has processed the log.");
        return app;
    }

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> GetAsync(string key, IProfileStore store, ProfileKeys keys, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return NotFound(key);
        }

        var identities = await store.IdentitiesAsync(profile, cancellationToken);
        var traits = await store.CurrentTraitsAsync(profile, cancellationToken);
        return TypedResults.Ok(new ProfileView(
            profile.ToString(),
            [.. identities.Select(IdentityView.From)],
            traits.ToDictionary(t => t.Name, TraitView.From, StringComparer.Ordinal)));
    }

    private static async Task<Results<Ok<IdentityView[]>, ProblemHttpResult>> IdentitiesAsync(string key, IProfileStore store, ProfileKeys keys, CancellationToken cancellationToken) =>
        await keys.ResolveAsync(key, cancellationToken) is { } profile
            ? TypedResults.Ok((await store.IdentitiesAsync(profile, cancellationToken)).Select(IdentityView.From).ToArray())
            : NotFound(key);

    private static async Task<Results<Ok<TraitView[]>, ProblemHttpResult>> TraitsAsync(
        string key, bool? history, IProfileStore store, ISegmentStore segments, SegmentEngine engine, ProfileKeys keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return NotFound(key);
        }

        var all = history == true ? await store.TraitHistoryAsync(profile, cancellationToken) : null;
        var current = all is null ? await store.CurrentTraitsAsync(profile, cancellationToken) : Survivorship.Current(all);
        var now = time.GetUtcNow();
        var states = await segments.ComputedStatesAsync(profile, cancellationToken);
        return TypedResults.Ok(current
            .Select(t => TraitView.From(t) with { History = all is null ? null : [.. all.Where(h => h.Name == t.Name).OrderByDescending(h => h.Sequence).Select(h => TraitView.From(h))] })
            .Concat(engine.Computed.Values(states, now).Select(v => TraitView.Computed(v.Key, v.Value, now)))
            .ToArray());
    }

    private static async Task<Results<Ok<ProfileSegmentsView>, ProblemHttpResult>> SegmentsAsync(
        string key, bool? history, ISegmentStore segments, ProfileKeys keys, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return NotFound(key);
        }

        var names = (await segments.ListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var current = (await segments.MembershipsAsync(profile, cancellationToken)).Where(m => names.ContainsKey(m.Segment));
        var past = history == true ? await segments.HistoryAsync(null, profile, long.MaxValue, 1000, cancellationToken) : null;
        return TypedResults.Ok(new ProfileSegmentsView(
            [.. current.Select(m => new MembershipView(names[m.Segment], m.Since))],
            past?.Where(e => names.ContainsKey(e.Segment)).Select(e => new HistoryEntryView(names[e.Segment], e.Profile.ToString(), e.Entered ? "entered" : "left", e.At)).ToArray()));
    }

    private static async Task<Results<Ok<TimelineView>, ProblemHttpResult>> EventsAsync(
        string key, long? before, int? limit, string? type, string? source, IProfileStore store, ProfileKeys keys, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return NotFound(key);
        }

        var size = Math.Clamp(limit ?? 50, 1, 1000);
        var events = await store.EventsAsync(profile, before ?? long.MaxValue, size, type, source, cancellationToken);
        return TypedResults.Ok(new TimelineView(
            [.. events.Select(e => new EventView(e.Sequence, e.Source, e.MessageId, MessageTypes.Name(e.Type), e.Timestamp, e.ReceivedAt, JsonDocument.Parse(e.Json).RootElement))],
            events.Count == size ? events[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<MergeView[]>, ProblemHttpResult>> MergesAsync(string key, IProfileStore store, ProfileKeys keys, CancellationToken cancellationToken) =>
        await keys.ResolveAsync(key, cancellationToken) is { } profile
            ? TypedResults.Ok((await store.MergesAsync(profile, cancellationToken))
                .Select(m => new MergeView(m.Blocked ? "blocked" : "merged", m.From.ToString(), m.Into.ToString(), m.Via.ToString(), m.Sequence, m.Reason, m.Evidence))
                .ToArray())
            : NotFound(key);

    private static async Task<Results<Accepted<UnmergeView>, ProblemHttpResult>> UnmergeEndpointAsync(
        string key, UnmergeRequest request, IProfileStore store, ProfileKeys keys, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (await keys.ResolveAsync(key, cancellationToken) is not { } profile)
        {
            return NotFound(key);
        }

        if (await UnmergeAsync(profile, request.Profile, store, pipeline, cancellationToken) is not { } merge)
        {
            return TypedResults.Problem(
                $"field \"profile\": {request.Profile ?? "(missing)"} is not a profile that was merged into {profile}; GET /v1/profiles/{profile}/merges lists them.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Nothing to unmerge");
        }

        return TypedResults.Accepted($"/v1/profiles/{merge.From}", new UnmergeView(merge.From.ToString(), merge.Into.ToString(), "rebuilding"));
    }

    /// <summary>
    /// Splits <paramref name="from"/> (a profile id, as text) off <paramref name="profile"/> and has the pipeline rebuild;
    /// the merge undone, or null when <paramref name="from"/> is not a profile merged into it. The API and the dashboard both unmerge here.
    /// </summary>
    public static async Task<MergeRecord?> UnmergeAsync(Core.Identity.ProfileId profile, string? from, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || (await store.MergesAsync(profile, cancellationToken)).FirstOrDefault(m => !m.Blocked && m.From.Value == id) is not { } merge)
        {
            return null;
        }

        await store.AddSeparationAsync(merge.From, merge.Into, cancellationToken);
        // Events and traits go back where they belong by resolving the log again with the split in force.
        pipeline.RequestRebuild();
        return merge;
    }

    /// <summary>
    /// <c>?purpose=email_marketing</c>: a caller that reads for a purpose sees only profiles whose person granted it; any
    /// other profile is answered as absent (404), so the caller cannot act on it by mistake.
    /// </summary>
    private static async ValueTask<object?> ForPurpose(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query["purpose"].ToString() is not { Length: > 0 } purpose
            || http.Request.RouteValues["key"] is not string key)
        {
            return await next(context);
        }

        var store = http.RequestServices.GetRequiredService<IProfileStore>();
        if (await http.RequestServices.GetRequiredService<ProfileKeys>().ResolveAsync(key, http.RequestAborted) is not { } profile)
        {
            return NotFound(key);
        }

        var latest = (await store.ConsentHistoryAsync(profile, http.RequestAborted)).LastOrDefault(c => c.Purpose == purpose);
        return latest is { Granted: true }
            ? await next(context)
            : TypedResults.Problem(
                $"Profile \"{key}\" has no consent to \"{purpose}\" ({(latest is null ? "never stated" : "denied")}): it is left out for this purpose.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Profile not found for this purpose");
    }

    internal static ProblemHttpResult NotFound(string key) => TypedResults.Problem(
        $"No profile has the id or identifier \"{key}\". Use a profile id (digits) or type:value, such as email:ana@shop.es.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Profile not found");
}

public sealed record PipelineView(long Processed);

/// <summary>The body of an unmerge: the id of the profile to split off (as listed by <c>/merges</c>).</summary>
public sealed record UnmergeRequest(string? Profile);

public sealed record UnmergeView(string Profile, string From, string Status);

public sealed record ProfileView(string Id, IdentityView[] Identities, Dictionary<string, TraitView> Traits);

public sealed record IdentityView(string Type, string Value, string Source, long Sequence, DateTimeOffset FirstSeen)
{
    public static IdentityView From(ProfileIdentity identity) =>
        new(identity.Identifier.Type, identity.Identifier.Value, identity.Source, identity.Sequence, identity.FirstSeen);
}

public sealed record TraitView(string Name, JsonElement Value, string Source, int Trust, DateTimeOffset ObservedAt, long Sequence)
{
    public TraitView[]? History { get; init; }

    /// <summary>True for a computed trait: a value Sightline folds from the profile's events (docs/computed-traits.md), as of <see cref="ObservedAt"/>.</summary>
    [JsonPropertyName("computed")]
    public bool IsComputed { get; init; }

    public static TraitView From(TraitValue trait) =>
        new(trait.Name, JsonDocument.Parse(trait.Json).RootElement, trait.Source, trait.Trust, trait.ObservedAt, trait.Sequence);

    public static TraitView Computed(string name, ComputedValue value, DateTimeOffset now) =>
        new(name, JsonDocument.Parse(value.ToJson()).RootElement, "computed", 0, now, 0) { IsComputed = true };
}

/// <summary>The segments a profile is in and, on request, its entries and exits (newest first; the latest 1,000).</summary>
public sealed record ProfileSegmentsView(MembershipView[] Segments, HistoryEntryView[]? History);

public sealed record MembershipView(string Segment, DateTimeOffset Since);

public sealed record TimelineView(EventView[] Events, string? Next);

public sealed record EventView(long Sequence, string Source, string MessageId, string Type, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt, JsonElement Message);

/// <summary>A merge or blocked merge; <see cref="Evidence"/> holds the match weights per field when no identifier was shared.</summary>
public sealed record MergeView(string Kind, string From, string Into, string Via, long Sequence, string? Reason, MatchEvidence? Evidence);
