using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sightline.Core.Storage;
using Sightline.Server.Access;

namespace Sightline.Server.Dashboard.Signin;

/// <summary>
/// The dashboard's cookie sign-in, apart from the API's keys: a <c>/v1</c> endpoint never accepts the cookie (so a page
/// on another site cannot act through a signed-in browser), and a dashboard page never accepts a key.
/// </summary>
public static class DashboardAuthentication
{
    public const string Scheme = "Dashboard";
    public const string CookieName = "sightline.session";
    public const string UserClaim = "sightline:user";
    public const string StampClaim = "sightline:stamp";

    /// <summary>Any signed-in dashboard user: reads profiles, as a read key does.</summary>
    public const string ReadPolicy = "dashboard";

    /// <summary>Merge decisions and unmerges, as the admin key role.</summary>
    public const string AdminPolicy = "dashboard-admin";

    /// <summary>Writing, previewing and deleting segments, as the admin and segments key roles.</summary>
    public const string SegmentsPolicy = "dashboard-segments";

    /// <summary>
    /// The default scheme: API keys under <c>/v1</c>, the dashboard cookie everywhere else (so the sign-out and language
    /// forms, open to anyone, still see who is signed in when they check the antiforgery token).
    /// </summary>
    public const string ByPath = "ByPath";

    public static void Add(AuthenticationBuilder authentication, AuthorizationBuilder authorization)
    {
        authentication.AddPolicyScheme(ByPath, null, scheme => scheme.ForwardDefaultSelector = context =>
            context.Request.Path.StartsWithSegments("/v1") ? ApiKeyAuthenticationHandler.SchemeName : Scheme);
        authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/signin";
            cookie.LogoutPath = "/signout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateAsync;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        authorization.AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.Admits[Policies.ReadProfiles]));
        authorization.AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.Admits[Policies.Admin]));
        authorization.AddPolicy(SegmentsPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Policies.Admits[Policies.ManageSegments]));
    }

    /// <summary>The signed-in identity of a user; its name is what the audit trail records.</summary>
    public static ClaimsPrincipal Principal(DashboardUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"user {user.Name}"),
            new Claim(UserClaim, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(StampClaim, user.Stamp),
        ],
        Scheme));

    /// <summary>
    /// Every request re-checks the user: removed, given a new password or a new role, their open sessions end at once
    /// (a cookie alone would stay valid until it expired).
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<IDashboardUserStore>();
        var principal = context.Principal ?? new ClaimsPrincipal();
        var name = principal.FindFirstValue(UserClaim);
        var user = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null || user.Stamp != principal.FindFirstValue(StampClaim) || user.Role != principal.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
