using System.Globalization;

namespace Sightline.Fuzz;

/// <summary>
/// Each failing input saved as it was generated (<c>.bin</c>) beside what went wrong (<c>.txt</c>), named by phase,
/// seed and index so it can be replayed with the same generator.
/// </summary>
internal sealed class Failures(string directory)
{
    public string Directory { get; } = directory;

    public int Count { get; private set; }

    public void Save(string phase, int seed, int index, byte[] input, string failure)
    {
        Count++;
        System.IO.Directory.CreateDirectory(Directory);
        var name = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{phase}-seed{seed}-{index}"));
        File.WriteAllBytes(name + ".bin", input);
        File.WriteAllText(name + ".txt", failure + "\n");
        if (Count <= 10)
        {
            Console.WriteLine($"  FAILED {phase} #{index} (seed {seed}): {failure.Split('\n').Last(l => l.Length > 0)} → {name}.bin");
        }
    }
}
