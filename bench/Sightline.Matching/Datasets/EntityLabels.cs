namespace Sightline.Matching.Datasets;

/// <summary>Turns ground-truth keys (a FEBRL number, a Splink cluster, an NC voter id) into dense integer labels.</summary>
internal sealed class EntityLabels
{
    private readonly Dictionary<string, int> labels = new(StringComparer.Ordinal);

    public int Of(string key)
    {
        if (!labels.TryGetValue(key, out var label))
        {
            label = labels.Count;
            labels.Add(key, label);
        }

        return label;
    }
}
