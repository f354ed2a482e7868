using System.CommandLine;
using Microsoft.Data.Sqlite;
using Sightline.Core.Storage;
using Sightline.LoadTest;
using Sightline.LoadTest.Baseline;
using Sightline.LoadTest.Http;
using Sightline.LoadTest.Latency;
using Sightline.LoadTest.Pipeline;
using Sightline.LoadTest.Reporting;
using Sightline.LoadTest.Server;
using Sightline.LoadTest.Sustained;
using Sightline.LoadTest.Verification;
using Sightline.LoadTest.Workload;
using Sightline.Storage.Sqlite;

const string SourceName = "bench";
const string WriteKey = "benchkey123456";

var seconds = new Option<int>("--seconds") { Description = "Measured HTTP window in seconds.", DefaultValueFactory = _ => 20 };
var warmup = new Option<int>("--warmup") { Description = "Untimed HTTP load before the window, in seconds.", DefaultValueFactory = _ => 8 };
var connections = new Option<int>("--connections") { Description = "Concurrent HTTP connections.", DefaultValueFactory = _ => 32 };
var batch = new Option<int>("--batch") { Description = "Messages per POST /v1/batch.", DefaultValueFactory = _ => 100 };
var repeat = new Option<int>("--repeat") { Description = "Repetitions of the whole run; the median is reported.", DefaultValueFactory = _ => 3 };
var synchronous = new Option<string>("--synchronous") { Description = "SQLite synchronous pragma for server and baseline: FULL, NORMAL or EXTRA.", DefaultValueFactory = _ => "FULL" };
var rawGroup = new Option<int?>("--raw-group") { Description = "Events per transaction of the main raw baseline (default: connections × batch)." };
var rawSeconds = new Option<int>("--raw-seconds") { Description = "Time limit of each raw baseline, in seconds.", DefaultValueFactory = _ => 10 };
var rawEvents = new Option<int>("--raw-events") { Description = "Most events per raw baseline.", DefaultValueFactory = _ => 2_000_000 };
var noRaw = new Option<bool>("--no-raw") { Description = "Skip the raw and parser baselines (quick HTTP experiments)." };
var rawEncrypted = new Option<bool>("--raw-encrypted") { Description = "Encrypt every payload in the raw baselines, as the server does by default." };
var build = new Option<bool>("--build") { Description = "Run ./sightline --help first, which rebuilds the CLI if sources changed." };
var serverEnv = new Option<string[]>("--server-env") { Description = "KEY=VALUE environment for the server process (repeatable), e.g. DOTNET_gcServer=1." };
var latencyRate = new Option<int?>("--latency-rate") { Description = "Also measure event-to-profile latency on a fresh server under this background load (events/s), e.g. 5000." };
var latencySeconds = new Option<int>("--latency-seconds") { Description = "Measured length of the latency run, in seconds.", DefaultValueFactory = _ => 20 };
var segments = new Option<int>("--segments") { Description = "Save this many segments before the latency run and measure event-to-membership latency instead (up to 20)." };
var latencyOnly = new Option<bool>("--latency-only") { Description = "Run only the latency measurement (needs --latency-rate), not the throughput runs." };
var pipelineOnly = new Option<bool>("--pipeline") { Description = "Measure the profile pipeline alone: fill the log for --seconds on an ingest-only server, then time sightline rebuild." };
var cliBuild = new Option<string?>("--cli") { Description = "Measure this build of the CLI (a directory holding sightline.dll, e.g. another worktree's .build/cli) instead of the tree's." };
var sustainedRate = new Option<int?>("--rate") { Description = "Pace the input at this many events/s (--connections, --batch messages each) with the pipeline on, and report whether it keeps up: the lag each second, resolved against ingested." };
var newVisitors = new Option<int>("--new-visitors") { Description = "Percent of messages from a new visitor, with a fresh anonymousId each time (default 0: the bodies' ids repeat, only messageIds are fresh)." };
var keepData = new Option<string?>("--keep-data") { Description = "With --pipeline: move the filled data directory here instead of deleting it (to profile sightline rebuild on it)." };

var root = new RootCommand("Sightline ingestion load test: POST /v1/batch into the durable log against the raw speed of the log.")
{
    seconds, warmup, connections, batch, repeat, synchronous, rawGroup, rawSeconds, rawEvents, noRaw, rawEncrypted, build, serverEnv,
    latencyRate, latencySeconds, latencyOnly, segments, pipelineOnly, keepData, cliBuild, sustainedRate, newVisitors,
};
root.SetAction(async (parse, cancellationToken) =>
{
    LoadTestSettings settings;
    try
    {
        settings = new LoadTestSettings
        {
            Seconds = Positive(parse.GetValue(seconds), "--seconds"),
            WarmupSeconds = Math.Max(0, parse.GetValue(warmup)),
            Connections = Positive(parse.GetValue(connections), "--connections"),
            Batch = Positive(parse.GetValue(batch), "--batch"),
            Repeat = Positive(parse.GetValue(repeat), "--repeat"),
            Synchronous = SynchronousSetting(parse.GetValue(synchronous)!),
            RawGroup = Positive(parse.GetValue(rawGroup) ?? (parse.GetValue(connections) * parse.GetValue(batch)), "--raw-group"),
            RawSeconds = Positive(parse.GetValue(rawSeconds), "--raw-seconds"),
            RawEvents = Positive(parse.GetValue(rawEvents), "--raw-events"),
            NoRaw = parse.GetValue(noRaw),
            RawEncrypted = parse.GetValue(rawEncrypted),
            Build = parse.GetValue(build),
            Cli = parse.GetValue(cliBuild) is { } directory ? Path.GetFullPath(directory) : null,
            ServerEnvironment = [.. (parse.GetValue(serverEnv) ?? []).Select(ParseAssignment)],
            LatencyRate = parse.GetValue(latencyRate) is { } rate ? Positive(rate, "--latency-rate") : null,
            LatencySeconds = Positive(parse.GetValue(latencySeconds), "--latency-seconds"),
            LatencyOnly = parse.GetValue(latencyOnly),
            Segments = Math.Clamp(parse.GetValue(segments), 0, SegmentSetup.Expressions.Count),
            PipelineOnly = parse.GetValue(pipelineOnly),
            NewVisitors = NewVisitorShare(parse.GetValue(newVisitors)),
            SustainedRate = parse.GetValue(sustainedRate) is { } paced ? Positive(paced, "--rate") : null,
        };
        if (settings.LatencyOnly && settings.LatencyRate is null)
        {
            throw new ArgumentException("--latency-only needs --latency-rate.");
        }
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync($"error: {e.Message}");
        return 2;
    }

    var scratch = Path.Combine(Path.GetTempPath(), "sightline-loadtest-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(scratch);
    try
    {
        var cli = await SightlineCli.PrepareAsync(settings.Build, settings.Cli, scratch, cancellationToken);
        var bodies = BatchSet.Create(settings.Connections, settings.Batch, WriteKey, settings.NewVisitors);
        Report.Header(settings, cli, bodies);
        if (settings.PipelineOnly)
        {
            var figures = new List<PipelineFigures>();
            for (var number = 1; number <= settings.Repeat; number++)
            {
                var data = Path.Combine(scratch, $"pipeline-{number}", "sightline-data");
                var run = await PipelineSpeed.RunAsync(cli, bodies, settings, data, (uint)number, SourceName, WriteKey, cancellationToken);
                if (parse.GetValue(keepData) is { } keep)
                {
                    Directory.Move(data, Path.GetFullPath(keep));
                    // The encryption key file sits beside the data directory (Sightline:KeyFile).
                    File.Move(data + ".keys.json", Path.GetFullPath(keep) + ".keys.json");
                    Console.WriteLine($"  Kept          {Path.GetFullPath(keep)}");
                }

                Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
                figures.Add(run);
                Report.Pipeline(run, number, settings.Repeat);
            }

            Report.PipelineSummary(figures);
            return figures.All(f => f.Resolved == f.Stored) ? 0 : 1;
        }

        if (settings.SustainedRate is { } pacedRate)
        {
            var figures = new List<SustainedFigures>();
            for (var number = 1; number <= settings.Repeat; number++)
            {
                var data = Path.Combine(scratch, $"sustained-{number}", "sightline-data");
                await cli.AddSourceAsync(data, SourceName, WriteKey, cancellationToken);
                await using (var server = await ServerProcess.StartAsync(cli, data, settings.Synchronous, settings.ServerEnvironment, cancellationToken))
                {
                    var derived = Path.Combine(data, SqliteDatabase.DerivedFileName);
                    figures.Add(await SustainedRate.RunAsync(server, derived, bodies, pacedRate, settings.Seconds, settings.WarmupSeconds, (uint)number, WriteKey, cancellationToken));
                }

                Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
                SustainedRate.Print(figures[^1], number, settings.Repeat, settings.WarmupSeconds);
            }

            SustainedRate.Summary(figures);
            return figures.All(f => f.Errors == 0) ? 0 : 1;
        }

        LogEntry[]? rawEntries = settings.NoRaw || settings.LatencyOnly ? null : RawEvents.Build(bodies, RawAppend.EntriesNeeded(settings.RawEvents));

        var runs = new List<RunFigures>();
        for (var number = 1; !settings.LatencyOnly && number <= settings.Repeat; number++)
        {
            var data = Path.Combine(scratch, $"server-{number}", "sightline-data");
            await cli.AddSourceAsync(data, SourceName, WriteKey, cancellationToken);
            HttpFigures http;
            long stored;
            string pipeline;
            await using (var server = await ServerProcess.StartAsync(cli, data, settings.Synchronous, settings.ServerEnvironment, cancellationToken))
            {
                http = await HttpLoad.RunAsync(server, bodies, settings, (uint)number, WriteKey, cancellationToken);
                stored = await StoredEvents.CountAsync(Path.Combine(data, SqliteDatabase.FileName), cancellationToken);
                pipeline = await PipelineLag.MeasureAsync(Path.Combine(data, SqliteDatabase.DerivedFileName), stored, cancellationToken);
            }

            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);

            RawFigures? raw = null, rawSmall = null;
            ParserFigures? parser = null;
            if (rawEntries is not null)
            {
                var limit = TimeSpan.FromSeconds(settings.RawSeconds);
                raw = await RawAppend.RunAsync(rawEntries, settings.RawGroup, limit, settings, scratch, cancellationToken);
                rawSmall = await RawAppend.RunAsync(rawEntries, settings.SmallRawGroup, limit, settings, scratch, cancellationToken);
                parser = ParserSpeed.Measure(bodies, TimeSpan.FromSeconds(2));
            }

            var run = new RunFigures(number, settings.WarmupSeconds, http, stored, raw, rawSmall, parser);
            runs.Add(run);
            Report.Run(run, settings.Repeat);
            Console.WriteLine($"  Pipeline      {pipeline}");
        }

        if (runs.Count > 0)
        {
            Report.Summary(runs, settings);
        }

        var latencyOk = true;
        if (settings.LatencyRate is { } rate)
        {
            var run = (uint)(settings.LatencyOnly ? 1 : settings.Repeat + 1);
            var data = Path.Combine(scratch, "server-latency", "sightline-data");
            await cli.AddSourceAsync(data, SourceName, WriteKey, cancellationToken);
            var background = BatchSet.Create(ProfileLatency.BackgroundConnections, ProfileLatency.BackgroundBatch, WriteKey);
            LatencyReport.Header(rate, settings.LatencySeconds, settings.WarmupSeconds, settings.Segments);
            LatencyFigures latency;
            await using (var server = await ServerProcess.StartAsync(cli, data, settings.Synchronous, settings.ServerEnvironment, cancellationToken))
            {
                latency = await ProfileLatency.RunAsync(server, background, rate, settings.LatencySeconds, settings.WarmupSeconds, run, WriteKey, settings.Segments, cancellationToken);
            }

            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
            LatencyReport.Figures(latency, settings.Segments > 0);
            latencyOk = latency.ProbeErrors == 0 && latency.BackgroundErrors == 0;
        }

        return latencyOk && runs.All(r => r.LogConsistent && r.Http.Errors == 0) ? 0 : 1;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);
    }
});
return await root.Parse(args).InvokeAsync();

static int NewVisitorShare(int percent) =>
    percent is >= 0 and <= 100 ? percent : throw new ArgumentException($"--new-visitors must be 0-100, got {percent}.");

static int Positive(int value, string option) =>
    value > 0 ? value : throw new ArgumentException($"{option} must be positive, got {value}.");

static string SynchronousSetting(string value) =>
    value.ToUpperInvariant() is "FULL" or "NORMAL" or "EXTRA"
        ? value.ToUpperInvariant()
        : throw new ArgumentException($"--synchronous must be FULL, NORMAL or EXTRA, got \"{value}\".");

static KeyValuePair<string, string> ParseAssignment(string assignment) =>
    assignment.Split('=', 2) is [var name, var value] && name.Length > 0
        ? new(name, value)
        : throw new ArgumentException($"--server-env expects KEY=VALUE, got \"{assignment}\".");
