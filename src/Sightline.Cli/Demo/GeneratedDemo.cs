namespace Sightline.Cli.Demo;

/// <summary>What the generator wrote: the people, one entry per export file, and the live messages.</summary>
internal sealed record GeneratedDemo(int People, IReadOnlyList<DemoFile> Files, int LiveMessages);
