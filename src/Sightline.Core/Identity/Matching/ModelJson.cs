using System.Text.Json;

namespace Sightline.Core.Identity.Matching;

/// <summary>How models and evidence are written where they are stored: camelCase JSON, the API's own style.</summary>
public static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
