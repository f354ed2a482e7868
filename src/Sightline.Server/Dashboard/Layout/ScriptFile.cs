using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Sightline.Server.Dashboard.Layout;

/// <summary>
/// A first-party script file for a page that enhances its forms (<c>&lt;HeadContent&gt;&lt;ScriptFile Src="/segments.js" /&gt;</c>).
/// Razor markup refuses script tags, for the sake of interactive components; these pages render once, on the server.
/// </summary>
public sealed class ScriptFile : ComponentBase
{
    [Parameter, EditorRequired]
    public required string Src { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "script");
        builder.AddAttribute(1, "src", Src);
        builder.AddAttribute(2, "defer", true);
        builder.CloseElement();
    }
}
