using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Identity.Matching;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;
using Sightline.Server.Access;

namespace Sightline.Server.Matching;

/// <summary>
/// The review queue of the probabilistic matcher: pairs of profiles that are probably the same person, below the
/// auto-merge threshold. Approving merges them (and is remembered across rebuilds); rejecting keeps them apart for good.
/// </summary>
public static class MergeSuggestionsApi
{
    private static readonly string[] Statuses = ["pending", "approved", "rejected"];

    public static IEndpointRouteBuilder MapMergeSuggestions(this IEndpointRouteBuilder app)
    {
        var suggestions = app.MapGroup("/v1/merge-suggestions").RequireAuthorization(Policies.Admin).WithTags("Merge suggestions");
        suggestions.MapGet("/", ListAsync).WithName("merge-suggestions")
            .WithSummary("Suggested matches with their evidence, oldest first; ?status=pending (default), approved or rejected; paged with ?after=CURSOR.");
        suggestions.MapGet("/{id:long}", GetAsync).WithName("merge-suggestion").WithSummary("One suggested match with its evidence.");
        suggestions.MapPost("/{id:long}/approve", ApproveEndpointAsync).WithName("approve-merge-suggestion")
            .WithSummary("Merge the two profiles; the evidence is kept with the merge, which can be undone with an unmerge.");
        suggestions.MapPost("/{id:long}/reject", RejectEndpointAsync).WithName("reject-merge-suggestion")
            .WithSummary("Keep the two profiles apart: they are never merged or suggested again.");
        return app;
    }

    private static async Task<Results<Ok<SuggestionPage>, ProblemHttpResult>> ListAsync(string? status, long? after, int? limit, IProfileStore store, CancellationToken cancellationToken)
    {
        status ??= "pending";
        if (!Statuses.Contains(status))
        {
            return TypedResults.Problem($"query \"status\": \"{status}\" is not one of {string.Join(", ", Statuses)}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid status");
        }

        var size = Math.Clamp(limit ?? 50, 1, 500);
        var page = new List<SuggestionView>();
        var cursor = after ?? 0;
        var exhausted = false;
        // Pending suggestions whose profiles have since merged some other way are moot; they are skipped, not shown.
        while (page.Count < size && !exhausted)
        {
            var rows = await store.SuggestionsAsync(status, cursor, size, cancellationToken);
            exhausted = rows.Count < size;
            foreach (var row in rows)
            {
                cursor = row.Id;
                if (status != "pending" || row.LiveProfile != row.LiveOther)
                {
                    page.Add(SuggestionView.From(row));
                    if (page.Count == size)
                    {
                        break;
                    }
                }
            }
        }

        return TypedResults.Ok(new SuggestionPage([.. page], page.Count == size ? cursor.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> GetAsync(long id, IProfileStore store, CancellationToken cancellationToken) =>
        await store.SuggestionAsync(id, cancellationToken) is { } suggestion ? TypedResults.Ok(SuggestionView.From(suggestion)) : NotFound(id);

    private static async Task<Results<Accepted<SuggestionView>, ProblemHttpResult>> ApproveEndpointAsync(long id, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        return await ApproveAsync(id, store, pipeline, cancellationToken) is { } suggestion
            ? TypedResults.Accepted($"/v1/profiles/{suggestion.LiveProfile}", SuggestionView.From(suggestion))
            : await RefusalAsync(id, store, cancellationToken);
    }

    private static async Task<Results<Ok<SuggestionView>, ProblemHttpResult>> RejectEndpointAsync(long id, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        return await RejectAsync(id, store, pipeline, cancellationToken) is { } suggestion
            ? TypedResults.Ok(SuggestionView.From(suggestion))
            : await RefusalAsync(id, store, cancellationToken);
    }

    /// <summary>Approves a pending suggestion (the pipeline merges the two); the suggestion as decided, or null when it was not pending. The API and the dashboard both decide here.</summary>
    public static async Task<StoredSuggestion?> ApproveAsync(long id, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (await PendingAsync(id, store, cancellationToken) is not { } suggestion)
        {
            return null;
        }

        await store.AddApprovedMatchAsync(suggestion.Profile, suggestion.Other, suggestion.Sequence, suggestion.Evidence, cancellationToken);
        await store.DecideSuggestionAsync(id, "approved", cancellationToken);
        pipeline.ApprovalRecorded();
        return suggestion with { Status = "approved" };
    }

    /// <summary>Rejects a pending suggestion: the two are kept apart for good; the suggestion as decided, or null when it was not pending.</summary>
    public static async Task<StoredSuggestion?> RejectAsync(long id, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (await PendingAsync(id, store, cancellationToken) is not { } suggestion)
        {
            return null;
        }

        await store.AddSeparationAsync(suggestion.LiveOther, suggestion.LiveProfile, cancellationToken);
        pipeline.SeparationRecorded(suggestion.LiveOther, suggestion.LiveProfile);
        await store.DecideSuggestionAsync(id, "rejected", cancellationToken);
        return suggestion with { Status = "rejected" };
    }

    private static async Task<StoredSuggestion?> PendingAsync(long id, IProfileStore store, CancellationToken cancellationToken) =>
        await store.SuggestionAsync(id, cancellationToken) is { Status: "pending" } suggestion && suggestion.LiveProfile != suggestion.LiveOther ? suggestion : null;

    private static async Task<ProblemHttpResult> RefusalAsync(long id, IProfileStore store, CancellationToken cancellationToken) =>
        await store.SuggestionAsync(id, cancellationToken) is { } decided
            ? TypedResults.Problem(
                decided.LiveProfile == decided.LiveOther
                    ? $"Suggestion {id}: profiles {decided.Profile} and {decided.Other} are already one profile ({decided.LiveProfile})."
                    : $"Suggestion {id} was {decided.Status} already{(decided.DecidedAt is { } at ? $" at {at:O}" : "")}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Suggestion already decided")
            : NotFound(id);

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        $"No merge suggestion has the id {id}. GET /v1/merge-suggestions lists them.", statusCode: StatusCodes.Status404NotFound, title: "Suggestion not found");
}

public sealed record SuggestionPage(SuggestionView[] Suggestions, string? Next);

/// <summary>A suggestion: the two profiles as first matched and the live profiles they now belong to.</summary>
public sealed record SuggestionView(
    long Id, string Profile, string Other, string LiveProfile, string LiveOther, double Probability, double Weight, FieldEvidence[] Fields, long Sequence, string Status, DateTimeOffset? DecidedAt)
{
    public static SuggestionView From(StoredSuggestion s) => new(
        s.Id, s.Profile.ToString(), s.Other.ToString(), s.LiveProfile.ToString(), s.LiveOther.ToString(),
        Math.Round(s.Evidence.Probability, 6), s.Evidence.Weight, [.. s.Evidence.Fields], s.Sequence, s.Status, s.DecidedAt);
}
