using Microsoft.AspNetCore.Http.HttpResults;
using Sightline.Server.Access;
using Sightline.Storage.Sqlite;

namespace Sightline.Server.Privacy;

/// <summary>Encryption at rest as it stands: the current key, stored values per key, and the background re-encryption.</summary>
public static class EncryptionApi
{
    public static IEndpointRouteBuilder MapEncryption(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/admin/encryption", StatusAsync).RequireAuthorization(Policies.Admin).WithTags("Admin").WithName("encryption")
            .WithSummary("The key new values are encrypted under, how many stored values are in clear and under each key, and the re-encryption's progress.");
        return app;
    }

    private static async Task<Ok<EncryptionStatus>> StatusAsync(SqliteEncryption encryption, Reencryption reencryption, CancellationToken cancellationToken)
    {
        var usage = await encryption.UsageAsync(cancellationToken);
        return TypedResults.Ok(new EncryptionStatus(usage.CurrentKey, usage.Values, reencryption.State, reencryption.Reencrypted));
    }
}

/// <summary>The encryption status: <c>currentKey</c> null means new values are written in clear.</summary>
public sealed record EncryptionStatus(byte? CurrentKey, IReadOnlyDictionary<string, long> Values, string Reencryption, long Reencrypted);
