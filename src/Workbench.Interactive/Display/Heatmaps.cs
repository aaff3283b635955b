using TorchSharp;
using Workbench.Figures.Charts;
using Workbench.Figures.Output;

namespace Workbench.Interactive.Display;

/// <summary>Notebook shorthands for the field charts of Workbench.Figures (same colour maps, same look as the paper figures).</summary>
public static class Heatmaps
{
    /// <summary>A 2-D field on viridis, row 0 on top.</summary>
    public static Figure Of(torch.Tensor field, string title) => FieldCharts.Heatmap("field", title, Fields.ToArray(field));

    /// <summary>A signed field (an error, a difference) on the diverging map, symmetric about 0.</summary>
    public static Figure Error(torch.Tensor error, string title) => FieldCharts.Heatmap("error", title, Fields.ToArray(error), signed: true);

    /// <summary>Truth, prediction and prediction - truth side by side.</summary>
    public static Figure Compare(string title, torch.Tensor truth, torch.Tensor prediction) =>
        FieldCharts.TruthPredictionError("comparison", title, Fields.ToArray(truth), Fields.ToArray(prediction));
}
