using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Sightline.LoadTest.Http;
using Sightline.LoadTest.Workload;

namespace Sightline.LoadTest.Latency;

/// <summary>
/// A paced, steady <c>POST /v1/batch</c> load: request slot <c>i</c> is due at <c>start + i × interval</c>
/// and slots go round-robin to a few connections, each with one request in flight and its own bodies
/// (so rewriting a body's ids in place is safe). A connection that falls behind sends its due slots at once.
/// </summary>
internal sealed class BackgroundLoad(HttpClient http, BatchSet bodies, int connections, uint run, long start, long intervalTicks)
{
    private static readonly Uri BatchPath = new("/v1/batch", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly SequenceRange _ids = new();
    private long _acknowledged;
    private long _errors;
    private string? _firstError;

    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => _firstError;

    /// <summary>Events acknowledged with 200 so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Runs every connection until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(() => ConnectionAsync(c, stop), CancellationToken.None)));

    private async Task ConnectionAsync(int connection, CancellationToken stop)
    {
        var own = bodies.ForConnection(connection);
        for (long slot = connection, sent = 0; !stop.IsCancellationRequested; slot += connections, sent++)
        {
            var due = start + (slot * intervalTicks);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var body = own[(int)(sent % own.Count)];
            body.AssignIds(run, _ids.Take(body.Slots));
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = Json;
            using var request = new HttpRequestMessage(HttpMethod.Post, BatchPath) { Content = content };
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Add(ref _acknowledged, body.Count);
                }
                else
                {
                    Error($"background HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }
            catch (HttpRequestException e)
            {
                Error("background: " + e.Message);
            }
            catch (TaskCanceledException e)
            {
                Error("background time-out: " + e.Message);
            }
        }
    }

    private void Error(string message)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, message, null);
    }
}
