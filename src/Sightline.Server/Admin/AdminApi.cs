using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Audit;
using Sightline.Core.Import;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Server.Access;
using Sightline.Server.Import;

namespace Sightline.Server.Admin;

/// <summary>Administration over HTTP: sources and the quarantine. Needs an API key with the admin role.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapPost("/sources", AddSourceAsync).WithName("add-source").WithSummary("Register a source and get its write key.");
        admin.MapGet("/sources", ListSourcesAsync).WithName("list-sources").WithSummary("List sources with their write keys.");
        admin.MapPost("/keys", AddKeyAsync).WithName("add-key").WithSummary("Issue an API key with a role (admin, read, segments, privacy); the key is shown once.");
        admin.MapGet("/keys", ListKeysAsync).WithName("list-keys").WithSummary("API keys: id, name, role, creation time (never the keys).");
        admin.MapDelete("/keys/{id:long}", RevokeKeyAsync).WithName("revoke-key").WithSummary("Revoke an API key.");
        app.MapGet("/v1/admin/audit", ListAuditAsync).RequireAuthorization(Policies.Privacy).WithTags("Admin").WithName("audit")
            .WithSummary("Who read or changed what: newest first, ?profile=ID, ?actor=…, ?limit=N. Holds key names and profile ids, never personal values.");
        admin.MapGet("/quarantine", ListQuarantineAsync).WithName("list-quarantine")
            .WithSummary("Rejected messages and import rows, newest first, with the field, the reason and the raw payload.");
        admin.MapGet("/quarantine/{id:long}", FindQuarantineAsync).WithName("show-quarantine").WithSummary("One quarantine entry.");
        admin.MapPost("/quarantine/retry", RetryQuarantineAsync).WithName("retry-quarantine")
            .WithSummary("Map quarantined import rows again (with a fixed mapping, or their import's) and import those that now pass.");
        admin.MapPost("/quarantine/discard", DiscardQuarantineAsync).WithName("discard-quarantine").WithSummary("Delete quarantine entries for good.");
        return app;
    }

    private static async Task<Results<Created<SourceView>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> AddSourceAsync(
        AddSourceRequest request, ISourceCatalog sources, CancellationToken cancellationToken)
    {
        var validation = NewSource.Create(request.Name, request.Kind, request.Trust, request.WriteKey, request.PhoneRegion, request.IdentifierTraits);
        if (validation.Source is not { } source)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [validation.Field!] = [validation.Reason!] });
        }

        var added = await sources.AddAsync(source, cancellationToken);
        if (added.Source is null)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [added.ConflictField!] = ["another source already has this value"] })
            {
                Title = "Source exists",
                Status = StatusCodes.Status409Conflict,
            });
        }

        return TypedResults.Created($"/v1/admin/sources/{added.Source.Name}", SourceView.From(added.Source));
    }

    private static async Task<Results<Created<IssuedKey>, ValidationProblem>> AddKeyAsync(AddKeyRequest request, ApiKeys keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return Problem("name", "is required: 1 to 100 characters saying who or what uses the key");
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return Problem("role", $"must be one of {string.Join(", ", Roles.All)}");
        }

        var key = await keys.IssueAsync(request.Name, request.Role, cancellationToken);
        return TypedResults.Created("/v1/admin/keys", new IssuedKey(request.Name, request.Role, key));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListKeysAsync(IApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> RevokeKeyAsync(long id, IApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"no API key {id}", Status = 404 });

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAuditAsync(string? profile, string? actor, int? limit, IAuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(profile, actor, Math.Clamp(limit ?? 100, 1, 10_000), cancellationToken));

    private static async Task<Ok<SourceView[]>> ListSourcesAsync(ISourceCatalog sources, CancellationToken cancellationToken) =>
        TypedResults.Ok((await sources.ListAsync(cancellationToken)).Select(SourceView.From).ToArray());

    private static async Task<Ok<QuarantineView[]>> ListQuarantineAsync(
        IQuarantine quarantine, string? source, long? import, int? limit, CancellationToken cancellationToken)
    {
        var rows = await quarantine.ListAsync(source, Math.Clamp(limit ?? 100, 1, 10_000), cancellationToken, import);
        return TypedResults.Ok(rows.Select(QuarantineView.From).ToArray());
    }

    private static async Task<Results<Ok<QuarantineView>, NotFound<ProblemDetails>>> FindQuarantineAsync(long id, IQuarantine quarantine, CancellationToken cancellationToken) =>
        await quarantine.FindAsync(id, cancellationToken) is { } entry
            ? TypedResults.Ok(QuarantineView.From(entry))
            : TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"no quarantine entry {id}", Status = 404 });

    private static async Task<Results<Ok<IReadOnlyList<ImportSummary>>, ValidationProblem>> RetryQuarantineAsync(
        QuarantineSelection request, ImportService imports, CancellationToken cancellationToken)
    {
        if (request.Import is null && request.Ids is not { Length: > 0 })
        {
            return Problem("ids", "name the entries to retry, or an import");
        }

        ImportMapping? mapping = null;
        if (request.Mapping is { } reference)
        {
            // An inline mapping object, or preset:NAME; a server does not read paths named by callers.
            var loaded = reference.ValueKind == JsonValueKind.String && reference.GetString() is { } text && text.StartsWith(MappingLoader.PresetPrefix, StringComparison.Ordinal)
                ? MappingLoader.FromText(text)
                : reference.ValueKind == JsonValueKind.Object ? MappingLoader.Parse(reference.GetRawText(), "mapping") : MappingResult.Fail("mapping: must be a mapping object or \"preset:NAME\"");
            if (loaded.Mapping is null)
            {
                return Problem("mapping", loaded.Error!);
            }

            mapping = loaded.Mapping;
        }

        try
        {
            return TypedResults.Ok(await imports.RetryAsync(request.Import, request.Ids ?? [], mapping, cancellationToken));
        }
        catch (ImportException e)
        {
            return Problem("mapping", e.Message);
        }
    }

    private static async Task<Results<Ok<DiscardResult>, ValidationProblem>> DiscardQuarantineAsync(
        QuarantineSelection request, IImportStore store, CancellationToken cancellationToken)
    {
        var ids = (request.Ids ?? []).ToList();
        if (request.Import is { } import)
        {
            ids.AddRange((await store.QuarantinedRowsAsync(import, [], cancellationToken)).Select(r => r.Id));
        }

        return ids.Count == 0
            ? Problem("ids", "name the entries to discard, or an import")
            : TypedResults.Ok(new DiscardResult(await store.DiscardAsync(ids, cancellationToken)));
    }

    private static ValidationProblem Problem(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>The body of <c>POST /v1/admin/keys</c>.</summary>
public sealed record AddKeyRequest(string? Name, string? Role);

/// <summary>A new key, shown this once.</summary>
public sealed record IssuedKey(string Name, string Role, string Key);

/// <summary>Which quarantine entries to retry or discard: some ids, or all rows of an import; for a retry, optionally a fixed mapping.</summary>
public sealed record QuarantineSelection(long[]? Ids, long? Import, JsonElement? Mapping = null);

/// <summary>How many entries a discard deleted.</summary>
public sealed record DiscardResult(int Discarded);

/// <summary>The body of <c>POST /v1/admin/sources</c>; kind and trust default, the write key is generated when absent.</summary>
public sealed record AddSourceRequest(string? Name, string? Kind, int? Trust, string? WriteKey, string? PhoneRegion = null, string[]? IdentifierTraits = null);

/// <summary>A source as the admin API shows it.</summary>
public sealed record SourceView(string Name, string Kind, int Trust, string WriteKey, DateTimeOffset CreatedAt, string? PhoneRegion, IReadOnlyList<string> IdentifierTraits)
{
    public static SourceView From(Source source) =>
        new(source.Name, NewSource.KindName(source.Kind), source.Trust, source.WriteKey, source.CreatedAt, source.PhoneRegion, source.IdentifierTraits);
}

/// <summary>A quarantined message as the admin API shows it; the payload is text when it is valid UTF-8, else base64.</summary>
public sealed record QuarantineView(
    long Id, string? Source, DateTimeOffset ReceivedAt, int? Index, string? MessageId, string Field, string Reason,
    string? Payload, string? PayloadBase64, long? ImportId = null, string? File = null, long? Line = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static QuarantineView From(QuarantinedMessage row)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(row.Payload);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new QuarantineView(
            row.Id, row.Source, row.ReceivedAt, row.Index, row.MessageId, row.Field, row.Reason,
            text, text is null ? Convert.ToBase64String(row.Payload) : null, row.ImportId, row.File, row.Line);
    }
}
