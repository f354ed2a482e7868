using System.Net;
using System.Text.RegularExpressions;

namespace Sightline.Server.Tests.Dashboard;

/// <summary>A browser-like client of the dashboard: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
internal sealed partial class DashboardSession : IDisposable
{
    public const string AdminPassword = "correct-horse-battery";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Sightline:AdminPassword"] = AdminPassword };

    private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };

    public DashboardSession(Uri address) => Http = new HttpClient(_handler) { BaseAddress = address };

    public HttpClient Http { get; }

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>Posts a form as the page at <paramref name="page"/> would, with the antiforgery token that page carries.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var (status, _, location) = await SubmitAsync(page, action, fields);
        return (status, location);
    }

    /// <summary>As <see cref="PostFormAsync"/>, with the page answered (a form that renders its result rather than redirecting).</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Location)> SubmitAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var (_, html, _) = await GetAsync(page);
        var token = Token().Match(html);
        token.Success.ShouldBeTrue($"{page} has no form with an antiforgery token:\n{html}");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token.Groups[1].Value), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        using var response = await Http.PostAsync(action, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    public Task<(HttpStatusCode Status, string? Location)> SignInAsync(string name = "admin", string password = AdminPassword) =>
        PostFormAsync("/signin", "/signin", ("name", name), ("password", password), ("returnUrl", "/"));

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
