using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Core.Audiences;
using Sightline.Core.ComputedTraits;
using Sightline.Core.Profiles;
using Sightline.Core.Segments;
using Sightline.Server.Access;

namespace Sightline.Server.ComputedTraits;

/// <summary>
/// Computed traits over HTTP: those of the configuration (read-only here: their file is the place to change them) and
/// those declared through this API, which the pipeline puts in force and builds from the stored events at once.
/// Reading needs a profile-reading role; declaring, changing and deleting, managing segments.
/// </summary>
public static class ComputedTraitsApi
{
    public static IEndpointRouteBuilder MapComputedTraits(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/v1/computed-traits").RequireAuthorization(Policies.ManageSegments).WithTags("Computed traits");
        manage.MapPost("/", CreateAsync).WithName("create-computed-trait")
            .WithSummary("Declare a computed trait ({name, aggregation, event, type, where, property, window_days, per, description}, as in docs/computed-traits.md); it is built from the stored events at once.");
        manage.MapPut("/{name}", ReplaceAsync).WithName("replace-computed-trait")
            .WithSummary("Change a computed trait declared through the API; it is built again from the stored events.");
        manage.MapDelete("/{name}", DeleteAsync).WithName("delete-computed-trait")
            .WithSummary("Delete a computed trait declared through the API (refused while a segment reads it).");

        var read = app.MapGroup("/v1/computed-traits").RequireAuthorization(Policies.ReadProfiles).WithTags("Computed traits");
        read.MapGet("/", ListAsync).WithName("list-computed-traits").WithSummary("Every computed trait: its definition, where it was declared, and whether it is in force.");
        read.MapGet("/{name}", GetAsync).WithName("get-computed-trait").WithSummary("One computed trait.");
        return app;
    }

    private static async Task<Ok<ComputedTraitView[]>> ListAsync(SegmentRuntime runtime, CancellationToken cancellationToken) =>
        TypedResults.Ok((await AllAsync(runtime, cancellationToken)).ToArray());

    private static async Task<Results<Ok<ComputedTraitView>, ProblemHttpResult>> GetAsync(string name, SegmentRuntime runtime, CancellationToken cancellationToken) =>
        (await AllAsync(runtime, cancellationToken)).FirstOrDefault(t => t.Name == name) is { } found ? TypedResults.Ok(found) : Missing(name);

    private static async Task<Results<Created<ComputedTraitView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonObject body, SegmentRuntime runtime, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (!TryRead(body, out var definition, out var problem))
        {
            return problem;
        }

        if (runtime.Configured.Any(d => d.Name == definition.Name) || !await runtime.Store.AddComputedAsync(definition, cancellationToken))
        {
            return Conflict($"field \"name\": a computed trait named \"{definition.Name}\" exists already; PUT /v1/computed-traits/{definition.Name} changes one declared through the API.");
        }

        pipeline.SegmentsChanged();
        return TypedResults.Created($"/v1/computed-traits/{definition.Name}", await ViewAsync(definition.Name, runtime, cancellationToken));
    }

    private static async Task<Results<Ok<ComputedTraitView>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string name, JsonObject body, SegmentRuntime runtime, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (runtime.Configured.Any(d => d.Name == name))
        {
            return Configured(name);
        }

        body["name"] ??= name;
        if (!TryRead(body, out var definition, out var problem))
        {
            return problem;
        }

        if (definition.Name != name)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"\"{definition.Name}\" is not \"{name}\": a computed trait keeps its name (segments refer to it); declare a new one and delete this one to rename it"],
            });
        }

        if (!await runtime.Store.ReplaceComputedAsync(definition, cancellationToken))
        {
            return Missing(name);
        }

        pipeline.SegmentsChanged();
        return TypedResults.Ok(await ViewAsync(name, runtime, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, SegmentRuntime runtime, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        if (runtime.Configured.Any(d => d.Name == name))
        {
            return Configured(name);
        }

        var readers = (await runtime.Store.ListAsync(cancellationToken))
            .Where(s => SegmentParser.Parse(s.Expression).Expression is { } e && SegmentDependencies.Of(e).Traits.Contains(name))
            .Select(s => $"\"{s.Name}\"")
            .ToList();
        if (readers.Count > 0)
        {
            return Conflict($"computed trait \"{name}\" cannot be deleted while segments {string.Join(", ", readers)} read it.");
        }

        if (!await runtime.Store.DeleteComputedAsync(name, cancellationToken))
        {
            return Missing(name);
        }

        pipeline.SegmentsChanged();
        return TypedResults.NoContent();
    }

    private static bool TryRead(JsonObject body, [NotNullWhen(true)] out TraitDefinition? definition, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        (definition, var errors) = TraitDefinitionLoader.ParseOne(body);
        problem = errors.Count == 0 ? null : TypedResults.ValidationProblem(errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        return definition is not null;
    }

    private static async Task<ComputedTraitView> ViewAsync(string name, SegmentRuntime runtime, CancellationToken cancellationToken) =>
        (await AllAsync(runtime, cancellationToken)).Single(t => t.Name == name);

    private static async Task<List<ComputedTraitView>> AllAsync(SegmentRuntime runtime, CancellationToken cancellationToken)
    {
        var views = runtime.Configured.Select(d => View(d, "configuration", null, runtime.Engine)).ToList();
        views.AddRange((await runtime.Store.ComputedDefinitionsAsync(cancellationToken))
            .Where(s => views.All(v => v.Name != s.Definition.Name))
            .Select(s => View(s.Definition, "api", s, runtime.Engine)));
        return views;
    }

    private static ComputedTraitView View(TraitDefinition definition, string origin, StoredTraitDefinition? stored, SegmentEngine engine)
    {
        var trait = new ComputedTrait(definition);
        return new ComputedTraitView(
            definition.Name, origin, TraitDefinitionLoader.ToJson(definition), trait.Fingerprint, trait.ValueKind?.ToString().ToLowerInvariant(),
            engine.Computed.Find(definition.Name)?.Fingerprint == trait.Fingerprint ? "live" : "building", stored?.CreatedAt, stored?.UpdatedAt);
    }

    private static ProblemHttpResult Missing(string name) => TypedResults.Problem(
        $"No computed trait is named \"{name}\"; GET /v1/computed-traits lists them.", statusCode: StatusCodes.Status404NotFound, title: "Computed trait not found");

    private static ProblemHttpResult Configured(string name) => Conflict(
        $"computed trait \"{name}\" is declared in the configuration (Sightline:ComputedTraits or the defaults): change it there and restart.");

    private static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Computed trait conflict");
}

/// <summary>
/// A computed trait: its definition as people write it, where it was declared (<c>configuration</c> or <c>api</c>),
/// the kind of its values (null when they are as recorded), and <c>live</c> once the pipeline has it in force
/// (<c>building</c> until then).
/// </summary>
public sealed record ComputedTraitView(
    string Name, string Origin, JsonObject Definition, string Fingerprint, string? ValueKind, string Status, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);
