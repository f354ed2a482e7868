using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Sightline.Server.Access;

/// <summary>Authenticates <c>Authorization: Bearer KEY</c> against the API keys and grants the key's role.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        // The name the audit trail records: the key's id and name, never the key.
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"key {key.Id} ({key.Name})"), new Claim(ClaimTypes.Role, key.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
