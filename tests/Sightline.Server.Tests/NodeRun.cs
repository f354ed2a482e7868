using System.Text.Json;

namespace Sightline.Server.Tests;

/// <summary>How a conformance script ended, and the JSON summary of what it sent.</summary>
internal sealed record NodeRun(string Script, int ExitCode, string Out, string Error)
{
    /// <summary>The messages the script handed to the SDK, as its summary lists them.</summary>
    public IReadOnlyList<JsonElement> Sent =>
        [.. JsonDocument.Parse(Out).RootElement.GetProperty("sent").EnumerateArray()];

    /// <summary>The <c>context.library.name</c> the SDK stamps on every message.</summary>
    public string Library => JsonDocument.Parse(Out).RootElement.GetProperty("library").GetString()!;

    public override string ToString() =>
        $"node {Script} exited with {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}
