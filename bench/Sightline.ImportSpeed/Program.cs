using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sightline.Core.Events;
using Sightline.Core.Import;
using Sightline.ImportSpeed;
using Sightline.Server.Import;
using Sightline.Storage.Sqlite;
using Sylvan.Data.Csv;

// Import speed: rows/s parsed, standardized and appended into the durable log for two large exports, beside the
// raw rate of only reading the CSV and of reading + mapping without the store, all in the same run.
var rowsOption = new Option<int>("--rows") { Description = "Rows per export file.", DefaultValueFactory = _ => 1_000_000 };
var repeatOption = new Option<int>("--repeat") { Description = "Repetitions; medians are reported.", DefaultValueFactory = _ => 1 };
var root = new RootCommand("Sightline import speed benchmark.") { rowsOption, repeatOption };
root.SetAction(async (parse, cancellationToken) =>
{
    var rows = parse.GetValue(rowsOption);
    var scratch = Directory.CreateTempSubdirectory("sightline-importspeed-").FullName;
    try
    {
        Console.WriteLine($"Sightline import speed, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var crm = Path.Combine(scratch, "crm.csv");
        var orders = Path.Combine(scratch, "orders.csv");
        ExportFiles.WriteCrm(crm, rows, seed: 1);
        ExportFiles.WriteOrders(orders, rows, seed: 2);
        Console.WriteLine($"Files         crm.csv {new FileInfo(crm).Length / 1e6:0} MB, orders.csv {new FileInfo(orders).Length / 1e6:0} MB, {rows:N0} rows each");
        for (var run = 1; run <= parse.GetValue(repeatOption); run++)
        {
            Console.WriteLine($"Run {run}");
            foreach (var (file, preset) in new[] { (crm, "crm-contacts"), (orders, "ecommerce-orders") })
            {
                var mapping = MappingLoader.Load("preset:" + preset).Mapping!;
                var read = Measure(() => ReadOnly(file));
                var mapped = Measure(() => MapOnly(file, mapping));
                var data = Path.Combine(scratch, $"data-{preset}-{run}");
                var before = Process.GetCurrentProcess().PeakWorkingSet64;
                var started = Stopwatch.GetTimestamp();
                ImportSummary summary;
                using (var log = new SqliteEventLog(new SqliteDatabase(data, "FULL")))
                {
                    var service = new ImportService(new SqliteSourceCatalog(new SqliteDatabase(data, "FULL"), TimeProvider.System), log, new MessageParser(new IngestionLimits()), Sightline.Core.Privacy.SuppressionFilter.None);
                    await using var stream = File.OpenRead(file);
                    summary = await service.ImportAsync(stream, Path.GetFileName(file), preset.Split('-')[0], mapping, null, cancellationToken);
                }

                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {preset,-17} read only {read.Rate,9:N0} rows/s | read+map {mapped.Rate,9:N0} rows/s | import into the log {summary.Read / seconds,9:N0} rows/s ({summary.Imported:N0} imported, {summary.Quarantined:N0} quarantined, {seconds:0.0} s) | import / read {summary.Read / seconds / read.Rate:0.00} | peak RSS {Math.Max(before, Process.GetCurrentProcess().PeakWorkingSet64) / 1e6:0} MB"));
                Directory.Delete(data, recursive: true);
            }
        }

        return 0;
    }
    finally
    {
        Directory.Delete(scratch, recursive: true);
    }
});
return await root.Parse(args).InvokeAsync();

static (double Rate, long Rows) Measure(Func<long> work)
{
    var started = Stopwatch.GetTimestamp();
    var rows = work();
    return (rows / Stopwatch.GetElapsedTime(started).TotalSeconds, rows);
}

// The floor: Sylvan reading every field of every row as a string.
static long ReadOnly(string file)
{
    using var csv = CsvDataReader.Create(file, new CsvDataReaderOptions { Comment = '\0' });
    long rows = 0, chars = 0;
    while (csv.Read())
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            chars += csv.GetString(i).Length;
        }

        rows++;
    }

    return chars >= 0 ? rows : 0;
}

// Reading, standardizing and writing each row's message, without the store.
static long MapOnly(string file, ImportMapping mapping)
{
    using var reader = RowReader.Open(File.OpenRead(file), "csv", null);
    var mapper = new RowMapper(mapping, Path.GetFileName(file));
    reader.Bind(mapper.Columns);
    long rows = 0;
    while (reader.Read())
    {
        _ = mapper.Map(reader);
        rows++;
    }

    return rows;
}
