using System.Text;
using Sightline.Core.Events;

namespace Sightline.Core.Tests.Fuzz;

/// <summary>
/// Hundreds of hostile export files and mappings through the real importer (bench/Sightline.Fuzz runs tens of
/// thousands): it never throws but to refuse a file naming why, every row is imported or quarantined with its column
/// and reason, and a quarantined row can be mapped again.
/// </summary>
public sealed class ImportFuzzTests
{
    private const int Files = 300;

    [Fact]
    public async Task Hostile_files_are_imported_clean_or_quarantined_row_by_row()
    {
        var generator = new HostileFiles(1);
        var outcomes = new Dictionary<ImportOutcome, int>();
        var quarantined = 0;
        for (var i = 0; i < Files; i++)
        {
            var file = generator.Next();
            var (outcome, _, rows, failure) = await ImportChecks.RunAsync(file, new IngestionLimits());
            failure.ShouldBeNull($"file {i} ({file.FileName}, {file.Mutations}) with {Preview(file.Mapping)}: {Preview(Encoding.UTF8.GetString(file.Content))}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            quarantined += rows;
        }

        outcomes.Count.ShouldBe(3, "every outcome is reached");
        quarantined.ShouldBeGreaterThan(Files / 4);
    }

    private static string Preview(string text) => text.Length > 800 ? text[..800] + "…" : text;
}
