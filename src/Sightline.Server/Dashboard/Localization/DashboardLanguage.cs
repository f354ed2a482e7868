using Microsoft.Net.Http.Headers;

namespace Sightline.Server.Dashboard.Localization;

/// <summary>Which language a request is answered in: the one chosen (a cookie), else the browser's preference, else English.</summary>
public static class DashboardLanguage
{
    public const string CookieName = "sightline.lang";

    public static Texts For(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(Texts), out var cached) && cached is Texts known)
        {
            return known;
        }

        var texts = Find(context.Request.Cookies[CookieName]) ?? FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString()) ?? Texts.English;
        context.Items[typeof(Texts)] = texts;
        return texts;
    }

    /// <summary>The table of a language code (<c>es</c>, <c>es-MX</c>), or null when the dashboard does not speak it.</summary>
    public static Texts? Find(string? code) =>
        code is null ? null : Texts.All.FirstOrDefault(t => code.Equals(t.Code, StringComparison.OrdinalIgnoreCase) || code.StartsWith(t.Code + "-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Remembers a choice for a year; the cookie holds only the language code.</summary>
    public static void Choose(HttpContext context, Texts texts) =>
        context.Response.Cookies.Append(CookieName, texts.Code, new CookieOptions
        {
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

    private static Texts? FromAcceptLanguage(string header) =>
        StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages)
            ? languages.OrderByDescending(l => l.Quality ?? 1).Select(l => Find(l.Value.Value)).FirstOrDefault(t => t is not null)
            : null;
}
