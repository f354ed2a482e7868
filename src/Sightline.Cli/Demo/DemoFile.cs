namespace Sightline.Cli.Demo;

/// <summary>One generated export: the source it is imported into, with which preset, and how many rows it has.</summary>
internal sealed record DemoFile(string Source, string Preset, string Path, int Rows);
