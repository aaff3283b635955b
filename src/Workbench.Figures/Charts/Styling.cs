using Plotly.NET;
using Plotly.NET.CSharp;

namespace Workbench.Figures.Charts;

/// <summary>Titles and axis labels applied the same way on every chart.</summary>
internal static class Styling
{
    public static GenericChart Titled(this GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(chart);

    public static GenericChart Axes(this GenericChart chart, string x, string y, bool logX = false, bool logY = false) =>
        chart.WithXAxisStyle<double, double, string>(TitleText: x, AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
             .WithYAxisStyle<double, double, string>(TitleText: y, AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
}
