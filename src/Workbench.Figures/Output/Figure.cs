using Microsoft.FSharp.Core;
using Plotly.NET;
using Workbench.Core.IO;
using Workbench.Figures.Charts;

namespace Workbench.Figures.Output;

/// <summary>
/// A chart, its data and its size in CSS pixels. <see cref="Save"/> writes NAME.html, NAME.csv and, when asked and a
/// local Chromium exists, NAME.png and NAME.svg. The page loads plotly.js from a file beside it (written once,
/// see <see cref="PlotlyScript"/>), so it renders offline.
/// </summary>
public sealed record Figure(string Name, GenericChart Chart, FigureData Data, int Width = Figure.DefaultWidth, int Height = Figure.DefaultHeight)
{
    public const int DefaultWidth = 760;
    public const int DefaultHeight = 500;

    /// <summary>The chart as drawn everywhere: the workbench theme at this figure's size.</summary>
    public GenericChart Styled => Plotly.NET.Chart.withSize((double)Width, (double)Height).Invoke(FigureTheme.Apply(Chart));

    /// <summary>
    /// Writes the files into <paramref name="folder"/>; the page references plotly.js at <paramref name="plotlyPath"/>
    /// (relative to the folder, forward slashes), where the script is written unless it is there already.
    /// </summary>
    public IReadOnlyList<string> Save(string folder, bool images = false, string plotlyPath = PlotlyScript.FileName)
    {
        Directory.CreateDirectory(folder);
        PlotlyScript.WriteTo(Path.GetFullPath(Path.Combine(folder, plotlyPath)));
        var html = Path.Combine(folder, Name + ".html");
        var csv = Path.Combine(folder, Name + ".csv");
        AtomicFile.WriteAllText(html, GenericChart.toEmbeddedHTML(WithPlotly(PlotlyJSReference.NewCDN(plotlyPath))));
        AtomicFile.WriteAllText(csv, Data.ToCsv());
        // The exporter's own page (in a temporary folder) gets plotly.js inlined: nothing to fetch there either.
        return images ? [html, csv, .. StaticImageExport.Save(WithPlotly(PlotlyJSReference.Full), Path.Combine(folder, Name), Width, Height)] : [html, csv];
    }

    private GenericChart WithPlotly(PlotlyJSReference reference)
    {
        var options = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(reference));
        return GenericChart.setDisplayOptions(options, Styled);
    }
}
