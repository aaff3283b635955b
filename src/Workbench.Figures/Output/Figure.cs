using Microsoft.FSharp.Core;
using Plotly.NET;
using Workbench.Core.IO;

namespace Workbench.Figures.Output;

/// <summary>
/// A chart and its data. <see cref="Save"/> writes NAME.html (plotly.js embedded, renders offline), NAME.csv and,
/// when asked and a local Chromium exists, NAME.png and NAME.svg.
/// </summary>
public sealed record Figure(string Name, GenericChart Chart, FigureData Data)
{
    public IReadOnlyList<string> Save(string folder, bool images = false)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, Name + ".html");
        var csv = Path.Combine(folder, Name + ".csv");
        var offline = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        var chart = GenericChart.setDisplayOptions(offline, Chart);
        AtomicFile.WriteAllText(html, GenericChart.toEmbeddedHTML(chart));
        AtomicFile.WriteAllText(csv, Data.ToCsv());
        return images ? [html, csv, .. StaticImageExport.Save(chart, Path.Combine(folder, Name))] : [html, csv];
    }
}
