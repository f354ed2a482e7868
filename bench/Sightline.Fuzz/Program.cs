using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sightline.Core.Events;
using Sightline.Core.Sources;
using Sightline.Core.Storage;
using Sightline.Core.Tests.Fuzz;
using Sightline.Fuzz;
using Sightline.Server.Hosting;
using Sightline.Server.Tests.Fuzz;

// Fuzzing of the ingestion and import parsers: hostile bodies straight into MessageParser, a share of them over real
// HTTP to an in-process server, and hostile export files through the Importer. Counts by outcome, throughput, and
// every failure with its input saved to a file. Exit code 1 if anything failed.
var parserOption = new Option<int>("--parser") { Description = "Bodies parsed directly.", DefaultValueFactory = _ => 100_000 };
var httpOption = new Option<int>("--http") { Description = "Bodies sent over HTTP.", DefaultValueFactory = _ => 5_000 };
var filesOption = new Option<int>("--files") { Description = "Import files (with their mappings).", DefaultValueFactory = _ => 5_000 };
var seedOption = new Option<int>("--seed") { Description = "First seed; each phase derives its own.", DefaultValueFactory = _ => 1 };
var outOption = new Option<string>("--failures") { Description = "Directory for failing inputs.", DefaultValueFactory = _ => "fuzz-failures" };
var root = new RootCommand("Sightline fuzzing of the ingestion and import parsers.") { parserOption, httpOption, filesOption, seedOption, outOption };
root.SetAction(async (parse, cancellationToken) =>
{
    var seed = parse.GetValue(seedOption);
    var failures = new Failures(parse.GetValue(outOption)!);
    Console.WriteLine($"Sightline fuzz, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}, seed {seed}");
    var total = 0;
    total += Parser(parse.GetValue(parserOption), seed, failures);
    total += await HttpAsync(parse.GetValue(httpOption), seed + 1_000, failures, cancellationToken);
    total += await FilesAsync(parse.GetValue(filesOption), seed + 2_000, failures);
    Console.WriteLine($"Total         {total:N0} inputs, {failures.Count} failures{(failures.Count > 0 ? $" (inputs in {Path.GetFullPath(failures.Directory)})" : "")}");
    return failures.Count == 0 ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();

static int Parser(int count, int seed, Failures failures)
{
    var limits = new IngestionLimits();
    var live = new MessageParser(limits);
    var imports = live.ForImports();
    var generator = new HostileBodies(seed);
    var outcomes = new Outcomes();
    var receivedAt = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    long bytes = 0, accepted = 0, generating = 0;
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        var before = Stopwatch.GetTimestamp();
        var input = generator.Next();
        generating += Stopwatch.GetTimestamp() - before;
        bytes += input.Body.Length;
        var (result, failure) = StoredMessageChecks.Parse(i % 5 == 0 ? imports : live, input.Body, input.Type, receivedAt, limits);
        if (failure is not null)
        {
            failures.Save("parser", seed, i, input.Body, $"{input.Path} {input.Mutations}\n{failure}");
            outcomes.Add("failed");
            continue;
        }

        accepted += result!.Accepted.Count;
        outcomes.Add(result.RequestRejected ? "request rejected" : result.Rejected.Count > 0 ? $"{(result.Accepted.Count > 0 ? "some" : "all")} messages rejected" : "all accepted");
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var parsing = seconds - Stopwatch.GetElapsedTime(0, generating).TotalSeconds;
    Console.WriteLine(Invariant($"Parser        {count:N0} bodies ({bytes / 1e6:0} MB) in {seconds:0.0} s: {outcomes}; {accepted:N0} messages accepted and checked"));
    Console.WriteLine(Invariant($"              {count / parsing:N0} bodies/s parsed and checked ({bytes / 1e6 / parsing:0.0} MB/s), generation excluded"));
    return count;
}

static async Task<int> HttpAsync(int count, int seed, Failures failures, CancellationToken cancellationToken)
{
    if (count == 0)
    {
        return 0;
    }

    var data = Directory.CreateTempSubdirectory("sightline-fuzz-").FullName;
    var app = SightlineApp.Build([], new Dictionary<string, string?>
    {
        ["Sightline:Data"] = data,
        ["Sightline:AdminKey"] = "fuzz-admin-key-0123456789",
        ["urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Sightline.Requests"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Critical",
    });
    await app.StartAsync(cancellationToken);
    try
    {
        var services = app.Services;
        await services.GetRequiredService<ISourceCatalog>().AddAsync(NewSource.Create("fuzz", null, null, IngestionOverHttp.WriteKey).Source!, cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        var generator = new HostileBodies(seed);
        var outcomes = new Outcomes();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var input = generator.Next();
            var (status, failure) = await IngestionOverHttp.SendAsync(http, input);
            if (failure is not null)
            {
                failures.Save("http", seed, i, input.Body, $"POST {input.Path} Content-Type: {input.ContentType} {input.Mutations}\n{failure}");
            }

            outcomes.Add(failure is null ? status.ToString(CultureInfo.InvariantCulture) : "failed");
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var limits = new IngestionLimits();
        var parser = new MessageParser(limits);
        var log = await services.GetRequiredService<IEventLog>().ReadAsync(0, int.MaxValue, cancellationToken);
        var bad = 0;
        foreach (var logged in log)
        {
            if (StoredMessageChecks.Logged(parser, logged, limits) is { } problem)
            {
                bad++;
                failures.Save("stored", seed, (int)logged.Sequence, logged.Json.ToArray(), problem);
            }
        }

        var healthy = await http.GetStringAsync("/healthz", cancellationToken);
        Console.WriteLine(Invariant($"HTTP          {count:N0} requests in {seconds:0.0} s ({count / seconds:N0}/s): status {outcomes}"));
        Console.WriteLine(Invariant($"              {log.Count:N0} events stored, {bad} of them failing the read-back checks; /healthz {healthy}"));
        return count;
    }
    finally
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}

static async Task<int> FilesAsync(int count, int seed, Failures failures)
{
    var generator = new HostileFiles(seed);
    var outcomes = new Outcomes();
    long rows = 0, quarantined = 0, bytes = 0;
    var slowest = (Seconds: 0.0, Index: -1);
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < count; i++)
    {
        var file = generator.Next();
        bytes += file.Content.Length;
        var one = Stopwatch.GetTimestamp();
        var (outcome, read, kept, failure) = await ImportChecks.RunAsync(file, new IngestionLimits());
        var took = Stopwatch.GetElapsedTime(one).TotalSeconds;
        slowest = took > slowest.Seconds ? (took, i) : slowest;
        if (failure is not null)
        {
            failures.Save("import", seed, i, file.Content, $"{file.FileName} {file.Mutations}\nmapping: {file.Mapping}\n{failure}");
        }

        outcomes.Add(failure is null ? outcome.ToString() : "failed");
        rows += read;
        quarantined += kept;
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine(Invariant($"Import        {count:N0} files ({bytes / 1e6:0} MB) in {seconds:0.0} s ({count / seconds:N0} files/s): {outcomes}"));
    Console.WriteLine(Invariant($"              {rows:N0} rows became messages (each checked), {quarantined:N0} quarantined and retried; slowest file {slowest.Seconds * 1000:0} ms (#{slowest.Index})"));
    return count;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
