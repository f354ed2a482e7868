namespace Sightline.Core.Identity.Matching;

/// <summary>Disjoint sets over record indices: the clusters that auto-merged pairs form.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>Joins the two sets; the smaller index becomes the label, so labels do not depend on order.</summary>
    public void Union(int a, int b)
    {
        var (x, y) = (Find(a), Find(b));
        if (x != y)
        {
            _parent[Math.Max(x, y)] = Math.Min(x, y);
        }
    }

    public int[] Labels() => [.. Enumerable.Range(0, _parent.Length).Select(Find)];
}
