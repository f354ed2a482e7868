using System.Text.Json;

namespace Sightline.Core.Identity.Matching;

/// <summary>
/// The model the pipeline matches with until <c>sightline resolve</c> has estimated one from the data itself:
/// estimated the same way (EM, no labels) on synthetic Spanish and English customer records.
/// </summary>
public static class StarterModel
{
    private static readonly Lazy<MatchModel> Model = new(() =>
    {
        using var stream = typeof(StarterModel).Assembly.GetManifestResourceStream("Sightline.Core.Identity.Matching.starter-model.json")
            ?? throw new InvalidOperationException("The starter match model is missing from the assembly.");
        return JsonSerializer.Deserialize<MatchModel>(stream, ModelJson.Options) ?? throw new InvalidOperationException("The starter match model is empty.");
    });

    public static MatchModel Value => Model.Value;
}
