using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Workbench.Figures.Charts;

/// <summary>
/// The one look of every workbench chart, in figure pages, PNG/SVG exports and notebooks alike: white background,
/// black framed axes with outside ticks, fonts readable at print size, exponents written as powers of ten.
/// Properties carry plotly.js attribute names (https://plotly.com/javascript/reference/layout/).
/// </summary>
public static class FigureTheme
{
    public const int FontSize = 14;
    public const int TitleFontSize = 17;
    public const string FontFamily = "Arial, Helvetica, sans-serif";
    public const string Background = "white";

    public static Template Template { get; } = Create();

    public static GenericChart Apply(GenericChart chart) => Plotly.NET.Chart.withTemplate(Template).Invoke(chart);

    private static Template Create()
    {
        var layout = new Layout();
        layout.SetProperty("paper_bgcolor", Background);
        layout.SetProperty("plot_bgcolor", Background);
        layout.SetProperty("font", Font(FontSize, "black"));
        var title = new Title();
        title.SetProperty("font", Font(TitleFontSize, "black"));
        title.SetProperty("x", 0.5);
        title.SetProperty("xanchor", "center");
        layout.SetProperty("title", title);
        layout.SetProperty("xaxis", Axis());
        layout.SetProperty("yaxis", Axis());
        return Template.init<Trace>(layout, null);
    }

    private static Font Font(int size, string colour)
    {
        var font = new Font();
        font.SetProperty("family", FontFamily);
        font.SetProperty("size", size);
        font.SetProperty("color", colour);
        return font;
    }

    private static LinearAxis Axis()
    {
        var axis = new LinearAxis();
        axis.SetProperty("showline", true);
        axis.SetProperty("linecolor", "black");
        axis.SetProperty("mirror", true);
        axis.SetProperty("ticks", "outside");
        axis.SetProperty("showgrid", true);
        axis.SetProperty("gridcolor", "#e6e6e6");
        axis.SetProperty("zeroline", false);
        axis.SetProperty("exponentformat", "power");
        axis.SetProperty("automargin", true);
        return axis;
    }
}
