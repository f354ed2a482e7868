using System.Diagnostics;
using System.Net.Http.Headers;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Http;

/// <summary>
/// One connection's worth of load: sends its batches back to back, one request in flight, and
/// records what happened. Only requests that complete inside the measured window count towards
/// its rates and latencies.
/// </summary>
internal sealed class ConnectionWorker(HttpClient http, IReadOnlyList<BatchBody> bodies, uint run, SequenceRange ids, long phaseStart, long windowStart, long windowEnd)
{
    private static readonly Uri BatchPath = new("/v1/batch", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public List<long> WindowLatencies { get; } = new(capacity: 4096);

    /// <summary>Acknowledged events by the second of the phase (warm-up included) in which their request completed.</summary>
    public long[] EventsBySecond { get; } = new long[(int)((windowEnd - phaseStart) / Stopwatch.Frequency) + 1];

    public long WindowEvents { get; private set; }

    public long WindowRequests { get; private set; }

    public long Acknowledged { get; private set; }

    public long Sent { get; private set; }

    public long NonOk { get; private set; }

    public long Failed { get; private set; }

    public string? FirstError { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var next = 0; Stopwatch.GetTimestamp() < windowEnd && !cancellationToken.IsCancellationRequested; next++)
        {
            var body = bodies[next % bodies.Count];
            body.AssignIds(run, ids.Take(body.Slots));
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = Json;
            using var request = new HttpRequestMessage(HttpMethod.Post, BatchPath) { Content = content };
            Sent += body.Count;

            var started = Stopwatch.GetTimestamp();
            var ok = false;
            try
            {
                // Not the run's token: a request under way is let finish so its outcome is known.
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    ok = true;
                    Acknowledged += body.Count;
                }
                else
                {
                    NonOk++;
                    FirstError ??= $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                }
            }
            catch (HttpRequestException e)
            {
                Failed++;
                FirstError ??= e.Message;
            }
            catch (TaskCanceledException e)
            {
                Failed++;
                FirstError ??= "time-out: " + e.Message;
            }

            var completed = Stopwatch.GetTimestamp();
            if (ok)
            {
                EventsBySecond[Math.Min(EventsBySecond.Length - 1, (int)((completed - phaseStart) / Stopwatch.Frequency))] += body.Count;
            }

            if (completed >= windowStart && completed < windowEnd)
            {
                WindowLatencies.Add(completed - started);
                WindowRequests++;
                if (ok)
                {
                    WindowEvents += body.Count;
                }
            }
        }
    }
}
