using Microsoft.AspNetCore.Components;
using Sightline.Server.Dashboard.Localization;

namespace Sightline.Server.Dashboard;

/// <summary>What every dashboard page and part reads: the request (pages are rendered on the server, once) and its language.</summary>
public abstract class DashboardComponent : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    protected HttpContext Context => Http ?? throw new InvalidOperationException("The dashboard renders on the server only (static SSR).");

    protected Texts T => DashboardLanguage.For(Context);

    /// <summary>Whether the signed-in user may decide merges and unmerge.</summary>
    protected bool IsAdmin => Context.User.IsInRole(Access.Roles.Admin);

    /// <summary>A count with thousands separated, the same in every language (the server runs with invariant globalization).</summary>
    protected static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the signed-in user may write and delete segments.</summary>
    protected bool ManagesSegments => Access.Policies.Admits[Access.Policies.ManageSegments].Any(Context.User.IsInRole);

    protected static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
