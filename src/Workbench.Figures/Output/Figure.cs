using Microsoft.FSharp.Core;
using Plotly.NET;
using Workbench.Core.IO;

namespace Workbench.Figures.Output;

/// <summary>A chart and its data. <see cref="Save"/> writes NAME.html (plotly.js embedded, renders offline) and NAME.csv.</summary>
public sealed record Figure(string Name, GenericChart Chart, FigureData Data)
{
    public IReadOnlyList<string> Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, Name + ".html");
        var csv = Path.Combine(folder, Name + ".csv");
        var offline = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        var chart = GenericChart.setDisplayOptions(offline, Chart);
        AtomicFile.WriteAllText(html, GenericChart.toEmbeddedHTML(chart));
        AtomicFile.WriteAllText(csv, Data.ToCsv());
        return [html, csv];
    }
}
