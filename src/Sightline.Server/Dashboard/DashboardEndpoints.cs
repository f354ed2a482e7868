using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sightline.Core.Identity;
using Sightline.Core.Profiles;
using Sightline.Core.Storage;
using Sightline.Server.Audit;
using Sightline.Server.Dashboard.Localization;
using Sightline.Server.Dashboard.Segments;
using Sightline.Server.Dashboard.Signin;
using Sightline.Server.Dashboard.Users;
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
        app.MapGet("/segments.js", () => Asset("segments.js", "text/javascript")).AllowAnonymous().ExcludeFromDescription();

        var forms = app.MapGroup("").ExcludeFromDescription();
        forms.MapPost("/signin", SignInAsync).AllowAnonymous();
        forms.MapPost("/signout", SignOutAsync).AllowAnonymous();
        forms.MapPost("/language", ChooseLanguage).AllowAnonymous();
        forms.MapPost("/merges/{id:long}/approve", ApproveAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/merges/{id:long}/reject", RejectAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/profiles/{id:long}/unmerge", UnmergeAsync).RequireAuthorization(DashboardAuthentication.AdminPolicy);
        forms.MapPost("/segments/check", CheckSegmentAsync).RequireAuthorization(DashboardAuthentication.SegmentsPolicy);
        // The audience file through the cookie: the API's own handler, so the file and its audit entry are the same.
        forms.MapGet("/segments/{segment}/export", SegmentsApi.ExportAsync).RequireAuthorization(DashboardAuthentication.ReadPolicy);
        return app;
    }

    /// <summary>
    /// Pages may run no script but the dashboard's own files, load nothing from elsewhere, nor be framed: a value that
    /// slipped past escaping still could not run. The API, its docs and the health check keep their own headers.
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
        [FromForm] string? name, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http, DashboardUsers users, CancellationToken cancellationToken)
    {
        var outcome = await users.SignInAsync(name ?? "", password ?? "", cancellationToken);
        if (outcome.User is not { } user)
        {
            var back = Local(returnUrl) is { } target ? "&returnUrl=" + Uri.EscapeDataString(target) : "";
            return Results.Redirect(outcome.LockedUntil is null ? "/signin?failed=1" + back : "/signin?locked=1" + back);
        }

        await http.SignInAsync(DashboardAuthentication.Scheme, DashboardAuthentication.Principal(user));
        return Results.Redirect(Local(returnUrl) ?? "/");
    }

    private static async Task<IResult> SignOutAsync([FromForm] string? returnUrl, HttpContext http)
    {
        await http.SignOutAsync(DashboardAuthentication.Scheme);
        return Results.Redirect("/signin?signedOut=1");
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
