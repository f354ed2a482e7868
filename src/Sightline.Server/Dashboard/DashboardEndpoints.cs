using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Audit;
using Sightline.Core.Identity;
using Sightline.Core.Import;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;
using Sightline.Server.Audit;
using Sightline.Server.Dashboard.Localization;
using Sightline.Server.Dashboard.Segments;
using Sightline.Server.Dashboard.Signin;
using Sightline.Server.Dashboard.Users;
using Sightline.Server.Import;
using Sightline.Server.Matching;
using Sightline.Server.Profiles;
using Sightline.Server.Segments;

namespace Sightline.Server.Dashboard;

/// <summary>
/// The dashboard at <c>/</c>: server-rendered Razor pages (GET), and the forms they post, each answered with a redirect
/// back to a page (so a reload never repeats an action). Every form carries an antiforgery token, and every form
/// endpoint binds a form field, which is what makes ASP.NET Core check that token; every page but sign-in needs a
/// signed-in user.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().RequireAuthorization(DashboardAuthentication.ReadPolicy);
        app.MapGet("/dashboard.css", () => Asset("dashboard.css", "text/css")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/favicon.svg", () => Asset("favicon.svg", "image/svg+xml")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/dashboard.js", () => Asset("dashboard.js", "text/javascript")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/segments.js", () => Asset("segments.js", "text/javascript")).AllowAnonymous().ExcludeFromDescription();

        var forms = app.MapGroup("").ExcludeFromDescription();
        forms.MapPost("/signin", SignInAsync).AllowAnonymous();
        forms.MapPost("/signout", SignOutAsync).AllowAnonymous();
        forms.MapPost("/language", ChooseLanguage).AllowAnonymous();
        forms.MapPost("/merges/{id:long}/approve", ApproveAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/merges/{id:long}/reject", RejectAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/profiles/{id:long}/unmerge", UnmergeAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/quarantine/replay", ReplayAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/segments/check", CheckSegmentAsync).RequireAuthorization(DashboardAuthentication.SegmentsPolicy);
        // The audience file through the cookie: the API's own handler, so the file and its audit entry are the same.
        forms.MapGet("/segments/{segment}/export", SegmentsApi.ExportAsync).RequireAuthorization(DashboardAuthentication.ReadPolicy);
        return app;
    }

    /// <summary>
    /// Pages may run no script but the dashboard's own files (script-src 'self'), which may fetch pages of this site
    /// only (connect-src 'self'); they load nothing from elsewhere, nor are framed: a value that slipped past escaping
    /// still could not run. The API, its docs and the health check keep their own headers.
    /// </summary>
    public static void UseSecurityHeaders(WebApplication app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1") && !path.StartsWithSegments("/docs") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/healthz"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next(context);
    });

    private static async Task<IResult> SignInAsync(
        [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http, DashboardUsers users, AuditTrail audit, CancellationToken cancellationToken)
    {
        var outcome = await users.SignInAsync(name ?? "", password ?? "", cancellationToken);
        // Every attempt goes to the audit trail under the name typed (the password never), so guessing shows there.
        audit.Record(new AuditEntry(DateTimeOffset.UtcNow, AuditName(name), outcome.User?.Role ?? "", "POST /signin", null,
            outcome.User is not null ? StatusCodes.Status200OK : outcome.LockedUntil is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status423Locked)
        {
            Reason = outcome.User is not null ? "signed in" : outcome.LockedUntil is null ? "sign-in failed: wrong user name or password" : "sign-in refused: account locked",
        });
        if (outcome.User is not { } user)
        {
            var back = Local(returnUrl) is { } target ? "&returnUrl=" + Uri.EscapeDataString(target) : "";
            return Results.Redirect(outcome.LockedUntil is null ? "/signin?failed=1" + back : "/signin?locked=1" + back);
        }

        await http.SignInAsync(DashboardAuthentication.Scheme, DashboardAuthentication.Principal(user));
        return Results.Redirect(Local(returnUrl) ?? "/");
    }

    private static async Task<IResult> SignOutAsync([FromForm] string? returnUrl, HttpContext http, AuditTrail audit)
    {
        if (http.User.FindFirst(DashboardAuthentication.UserClaim)?.Value is { } name)
        {
            audit.Record(new AuditEntry(DateTimeOffset.UtcNow, AuditName(name), http.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "", "POST /signout", null, StatusCodes.Status200OK)
            {
                Reason = "signed out",
            });
        }

        await http.SignOutAsync(DashboardAuthentication.Scheme);
        return Results.Redirect("/signin?signedOut=1");
    }

    /// <summary>The actor of a sign-in as the trail names dashboard users: what was typed, cut to a user name's length, without control characters.</summary>
    private static string AuditName(string? typed) =>
        "user " + new string([.. (typed ?? "").Trim().Where(c => !char.IsControl(c)).Take(100)]);

    /// <summary>Replays quarantined import rows (one, or all of an import) with a fixed mapping or their import's own, as the CLI and API do.</summary>
    private static async Task<IResult> ReplayAsync(
        [FromForm] long? entry, [FromForm] long? import, [FromForm] string? mapping, [FromForm] string? source, HttpContext http, ImportService imports, CancellationToken cancellationToken)
    {
        var back = string.IsNullOrEmpty(source) ? "/quarantine?" : "/quarantine?source=" + Uri.EscapeDataString(source) + "&";
        if (entry is null && import is null)
        {
            return Results.Redirect(back + "failed=" + Uri.EscapeDataString("name an entry or an import"));
        }

        ImportMapping? map = null;
        if (!string.IsNullOrWhiteSpace(mapping))
        {
            var loaded = MappingLoader.FromText(mapping);
            if (loaded.Mapping is null)
            {
                return Results.Redirect(back + "failed=" + Uri.EscapeDataString(loaded.Error!));
            }

            map = loaded.Mapping;
        }

        AuditTrail.Touched(http, null, entry is { } one ? Invariant($"replay quarantine entry {one}") : Invariant($"replay quarantined rows of import {import}"));
        try
        {
            var summaries = await imports.RetryAsync(entry is null ? import : null, entry is { } id ? [id] : [], map, cancellationToken);
            return Results.Redirect(back + Invariant(
                $"replayed={summaries.Sum(s => s.Read)}&imported={summaries.Sum(s => s.Imported + s.Updated + s.Unchanged)}&still={summaries.Sum(s => s.Quarantined)}"));
        }
        catch (ImportException e)
        {
            return Results.Redirect(back + "failed=" + Uri.EscapeDataString(e.Message));
        }
    }

    private static IResult ChooseLanguage([FromForm] string? lang, [FromForm] string? returnUrl, HttpContext http)
    {
        if (DashboardLanguage.Find(lang) is { } texts)
        {
            DashboardLanguage.Choose(http, texts);
        }

        return Results.Redirect(Local(returnUrl) ?? "/");
    }

    private static async Task<IResult> ApproveAsync(long id, [FromForm] string? returnUrl, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken) =>
        Results.Redirect(await MergeSuggestionsApi.ApproveAsync(id, store, pipeline, cancellationToken) is { } approved
            // The older profile survives a merge, as the pipeline merges.
            ? Invariant($"/merges?approved={approved.Id}&profile={Math.Min(approved.LiveProfile.Value, approved.LiveOther.Value)}")
            : "/merges?stale=1");

    private static async Task<IResult> RejectAsync(long id, [FromForm] string? returnUrl, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken) =>
        Results.Redirect(await MergeSuggestionsApi.RejectAsync(id, store, pipeline, cancellationToken) is { } rejected
            ? Invariant($"/merges?rejected={rejected.Id}")
            : "/merges?stale=1");

    private static async Task<IResult> UnmergeAsync(
        long id, [FromForm] string? profile, HttpContext http, IProfileStore store, ProfilePipeline pipeline, CancellationToken cancellationToken)
    {
        AuditTrail.Touched(http, id.ToString(CultureInfo.InvariantCulture), "dashboard unmerge");
        return Results.Redirect(await ProfilesApi.UnmergeAsync(new ProfileId(id), profile, store, pipeline, cancellationToken) is { } merge
            ? Invariant($"/profiles/{merge.Into}?unmerged={merge.From}")
            : Invariant($"/profiles/{id}?unmerged=none"));
    }

    /// <summary>The segment editor's check as one types (segments.js): the same diagnostics and preview the Preview button shows, as that part of the page.</summary>
    private static async Task<RazorComponentResult<EditorFeedback>> CheckSegmentAsync(
        [FromForm] string? expression, [FromForm] string? name, [FromForm] string? replacing, HttpContext http, SegmentAuthoring authoring, IProfileStore profiles,
        CancellationToken cancellationToken)
    {
        var check = await EditorCheck.RunAsync(authoring, profiles, expression ?? "", name, string.IsNullOrEmpty(replacing) ? null : replacing, cancellationToken);
        return new RazorComponentResult<EditorFeedback>(new { Texts = DashboardLanguage.For(http), Expression = expression ?? "", Check = check });
    }

    /// <summary>
    /// A return address only when it stays on this site: an open redirect would let a link send a signed-in user anywhere.
    /// Browsers drop tabs and line breaks from URLs, so "/\t/evil.example" would become "//evil.example": none are allowed.
    /// </summary>
    private static string? Local(string? url) =>
        url is ['/', not '/' and not '\\', ..] or "/" && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? url : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream($"Sightline.Server.Dashboard.Assets.{name}")
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }
}
