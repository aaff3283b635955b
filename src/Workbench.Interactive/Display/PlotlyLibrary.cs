using Workbench.Figures.Output;

namespace Workbench.Interactive.Display;

/// <summary>
/// plotly.js inlined into a notebook once, in the output of <see cref="WorkbenchNotebook.Start"/>: every chart after it
/// draws offline. The script runs inside a function whose define/exports/module are undefined, so that under the
/// require.js of classic Jupyter it still sets window.Plotly instead of registering an anonymous AMD module.
/// </summary>
public static class PlotlyLibrary
{
    /// <summary>Marks the output that carries the library (one per executed notebook).</summary>
    public const string Marker = "workbench-plotly-library";

    public static string Html { get; } =
        $"<script type=\"text/javascript\" id=\"{Marker}\" data-plotly-version=\"{PlotlyScript.Version}\">\n" +
        "(function (define, exports, module) {\n" + PlotlyScript.Text + "\n}).call(window);\n</script>";
}
