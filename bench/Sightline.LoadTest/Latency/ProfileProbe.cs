using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Sightline.LoadTest.Latency;

/// <summary>How one probe ended.</summary>
internal enum ProbeOutcome
{
    Resolved,
    TimedOut,
    Failed,
}

/// <summary>The result of one probe: its outcome and, when resolved, the latency in Stopwatch ticks.</summary>
internal readonly record struct ProbeResult(ProbeOutcome Outcome, long LatencyTicks, string? Error, int Polls = 0);

/// <summary>
/// One identify with a new userId, then <c>GET /v1/profiles/user_id:…</c> (one request at a time) until it answers
/// 200: the time from the identify's 200 to the profile's 200. With a segment, it polls <c>…/segments</c> instead,
/// until the profile is listed as that segment's member. Polls start <see cref="PollInterval"/> apart and spread to
/// <see cref="PollShare"/> of the time waited so far, so a figure is never more than that share too high: polling
/// every 2 ms throughout made the probes of a slow second send thousands of GETs a second, a load of their own.
/// </summary>
internal static class ProfileProbe
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);
    public const double PollShare = 0.05;
    public static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    private static readonly Uri IdentifyPath = new("/v1/identify", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<ProbeResult> RunAsync(HttpClient http, AuthenticationHeaderValue writeKey, AuthenticationHeaderValue adminKey, uint run, int number, string? segment = null)
    {
        var userId = $"probe-{run}-{number}";
        using (var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$$"""{"userId":"{{{userId}}}","traits":{"email":"probe{{{number}}}@bench.test"}}""")))
        {
            content.Headers.ContentType = Json;
            using var identify = new HttpRequestMessage(HttpMethod.Post, IdentifyPath) { Content = content };
            identify.Headers.Authorization = writeKey;
            try
            {
                using var response = await http.SendAsync(identify, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return new(ProbeOutcome.Failed, 0, $"identify HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new(ProbeOutcome.Failed, 0, "identify: " + e.Message);
            }
        }

        var acknowledged = Stopwatch.GetTimestamp();
        var giveUp = acknowledged + (long)(GiveUp.TotalSeconds * Stopwatch.Frequency);
        var pollTicks = (long)(PollInterval.TotalSeconds * Stopwatch.Frequency);
        var profilePath = new Uri($"/v1/profiles/user_id:{userId}" + (segment is null ? "" : "/segments"), UriKind.Relative);
        var member = segment is null ? null : $"\"segment\":\"{segment}\"";
        for (var polls = 1; ; polls++)
        {
            var sent = Stopwatch.GetTimestamp();
            using (var poll = new HttpRequestMessage(HttpMethod.Get, profilePath))
            {
                poll.Headers.Authorization = adminKey;
                try
                {
                    using var response = await http.SendAsync(poll, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    var answered = Stopwatch.GetTimestamp();
                    if (response.StatusCode == HttpStatusCode.OK
                        && (member is null || (await response.Content.ReadAsStringAsync(CancellationToken.None)).Contains(member, StringComparison.Ordinal)))
                    {
                        return new(ProbeOutcome.Resolved, answered - acknowledged, null, polls);
                    }

                    if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.OK))
                    {
                        return new(ProbeOutcome.Failed, 0, $"profile HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return new(ProbeOutcome.Failed, 0, "profile: " + e.Message);
                }
            }

            var now = Stopwatch.GetTimestamp();
            if (now >= giveUp)
            {
                return new(ProbeOutcome.TimedOut, 0, null);
            }

            var spread = (long)((sent - acknowledged) * PollShare);
            var wait = Stopwatch.GetElapsedTime(now, sent + Math.Max(pollTicks, spread));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }
}
