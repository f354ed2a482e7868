namespace Sightline.DemoScore.Reporting;

/// <summary>How one trap fared: how many cases passed out of how many, and what passing means.</summary>
internal sealed record TrapResult(string Name, int Passed, int Cases, string Meaning)
{
    public double Share => Cases == 0 ? 1 : (double)Passed / Cases;
}
