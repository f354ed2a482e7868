using System.Text;
using Sightline.Core.Events;
using Sightline.Core.Import;
using Sightline.Core.Tests.Fuzz;

namespace Sightline.Core.Tests.Import;

/// <summary>Files the import fuzzer (Fuzz/ImportFuzzTests) found crashing the importer, each now refused or quarantined.</summary>
public sealed class ImporterTests
{
    private const string Mapping = "preset:crm-contacts";

    private static Task<(ImportOutcome Outcome, int Rows, int Quarantined, string? Failure)> RunAsync(string fileName, string content, string mapping = Mapping) =>
        ImportChecks.RunAsync(new HostileFile(mapping, fileName, Encoding.UTF8.GetBytes(content), ""), new IngestionLimits());

    [Fact]
    public async Task An_empty_csv_file_is_refused_with_a_reason()
    {
        var (outcome, _, _, failure) = await RunAsync("empty.csv", "");

        failure.ShouldBeNull();
        outcome.ShouldBe(ImportOutcome.FileRefused);
    }

    [Fact]
    public async Task A_header_with_a_quote_left_open_is_refused_with_a_reason()
    {
        // Found by bench/Sightline.Fuzz (import seed 2001, file 3382).
        var (outcome, _, _, failure) = await RunAsync("open.csv", "Contact ID,\"Email\n");

        failure.ShouldBeNull();
        outcome.ShouldBe(ImportOutcome.FileRefused);
    }

    [Fact]
    public async Task A_quote_left_open_quarantines_the_rest_of_the_file_once()
    {
        var header = string.Join(',', new RowMapper(MappingLoader.Load(Mapping).Mapping!, "x").Columns);

        var (outcome, _, quarantined, failure) = await RunAsync("open.csv", header + "\n\"never closed,a,b\nc,d\ne,f\n");

        failure.ShouldBeNull();
        outcome.ShouldBe(ImportOutcome.Imported);
        quarantined.ShouldBe(1);
    }

    [Fact]
    public async Task A_json_line_with_a_lone_surrogate_is_quarantined()
    {
        var (outcome, _, quarantined, failure) = await RunAsync("people.jsonl", """{"Email":"ana\udc00@example.com","Contact ID":"1"}""");

        failure.ShouldBeNull();
        outcome.ShouldBe(ImportOutcome.Imported);
        quarantined.ShouldBe(1);
    }

    [Fact]
    public void A_mapping_naming_an_empty_column_is_refused()
    {
        var result = MappingLoader.Parse("type: identify\nrecord_id: id\nidentifiers:\n  phone: \"\"\n", "m.yaml");

        result.Error.ShouldBe("m.yaml: identifiers.phone: the column name is empty");
    }
}
