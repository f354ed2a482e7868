using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authorization;
using Sightline.Core.Audit;
using Sightline.Server.Profiles;

namespace Sightline.Server.Audit;

/// <summary>
/// Records every authenticated API call (reads included) in the audit trail. Entries are written in batches by a
/// background writer, so reading a profile never waits for a disk flush; on a crash the last fraction of a second of
/// entries may be lost, never an acknowledged event.
/// </summary>
public sealed class AuditTrail(IAuditLog log) : BackgroundService
{
    private readonly Channel<AuditEntry> _entries = Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = true });

    private long _unwritten;

    public void Record(AuditEntry entry)
    {
        Interlocked.Increment(ref _unwritten);
        _entries.Writer.TryWrite(entry);
    }

    /// <summary>Waits until what was recorded so far is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _unwritten) > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>();
        try
        {
            while (await _entries.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 10_000 && _entries.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                await log.AppendAsync(batch, CancellationToken.None);
                Interlocked.Add(ref _unwritten, -batch.Count);
                batch.Clear();

                // The trail shares the database file with the event log: a few transactions a second, however busy
                // the API, so the log's group commit never queues behind it.
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_entries.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count > 0)
            {
                await log.AppendAsync(batch, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Wraps endpoints with a policy, refusals included (it runs before authorization): after each call, who (key id and
    /// name), what (route pattern), whom (profile id).
    /// </summary>
    public static void Use(WebApplication app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.GetEndpoint() is not RouteEndpoint endpoint
            || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
            || context.User.Identity is not { IsAuthenticated: true, Name: { } actor })
        {
            return;
        }

        // The path may hold an e-mail (/v1/profiles/email:…): the trail keeps the pattern and the profile id only.
        var profile = context.Items.TryGetValue(ProfileItem, out var touched) ? touched as string : null;
        if (profile is null && context.Request.RouteValues.TryGetValue("key", out var key) && key is string text)
        {
            profile = (await context.RequestServices.GetRequiredService<ProfileKeys>().ResolveAsync(text, context.RequestAborted))?.ToString();
        }

        context.RequestServices.GetRequiredService<AuditTrail>().Record(new AuditEntry(
            DateTimeOffset.UtcNow, actor, context.User.FindFirstValue(ClaimTypes.Role) ?? "", $"{context.Request.Method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", profile, context.Response.StatusCode)
        {
            Reason = context.Items.TryGetValue(ReasonItem, out var why) && why is string given ? given : Why(context.Request.Headers[ReasonHeader].ToString()),
        });
    });

    /// <summary>The header a caller states the purpose of a call in (a ticket number, "customer called"), kept with the entry.</summary>
    public const string ReasonHeader = "X-Sightline-Reason";

    private const string ProfileItem = "sightline.audit.profile";
    private const string ReasonItem = "sightline.audit.reason";

    /// <summary>For endpoints that find the profile from the body rather than the route: what to record.</summary>
    public static void Touched(HttpContext context, string? profile, string? reason)
    {
        context.Items[ProfileItem] = profile;
        context.Items[ReasonItem] = Why(reason);
    }

    private static string? Why(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Length > 200 ? reason[..200] : reason;
}
