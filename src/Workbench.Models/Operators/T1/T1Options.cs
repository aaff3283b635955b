using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Specs;

namespace Workbench.Models.Operators.T1;

/// <summary>Which single orthonormal transform a T1 model works in.</summary>
public enum T1Transform { Dct, Dft }

/// <summary>Initialisation of the per-mode channel-mixing weights.</summary>
public enum SpectralInit { VariancePreserving, Naive, Kaiming, Zero }

/// <summary>Which modes a T1 model keeps: the low-pass block, or the rows and columns of most training-set energy.</summary>
public enum ModeSelectionKind { LowPass, Energy }

/// <summary>
/// Options of a Transform-Once model (REFERENCES section 1). Modes1 x Modes2 is the retained block: DCT frequencies
/// [0, Modes1) x [0, Modes2); DFT signed row frequencies -(Modes1 - 1)..(Modes1 - 1) x rfft columns [0, Modes2).
/// <see cref="InitResolution"/> is the grid the variance-preserving scale N / (c m) refers to. <c>Selection: Energy</c>
/// ranks rows and columns by the energy of the first <see cref="SelectionSamples"/> training inputs; a checkpoint
/// stores the ranked modes, so a trained model loads without its data.
/// </summary>
public sealed record T1Options(
    int InChannels = 1,
    int OutChannels = 1,
    int Width = 48,
    int Modes1 = 24,
    int Modes2 = 24,
    int Layers = 8,
    T1Transform Transform = T1Transform.Dct,
    SpectralInit Init = SpectralInit.VariancePreserving,
    int InitResolution = 64,
    int HeadWidth = 128,
    ModeSelectionKind Selection = ModeSelectionKind.LowPass,
    int SelectionSamples = 64) : ModelSpec
{
    public override string Kind => "t1";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new T1Operator(this, ModesFor(data));

    public override JsonObject DerivedSpec(torch.nn.Module model) => model is T1Operator t1
        ? new JsonObject
        {
            ["t1_rows"] = new JsonArray(t1.Transform.Selection.Rows.Select(r => (JsonNode)r).ToArray()),
            ["t1_columns"] = new JsonArray(t1.Transform.Selection.Columns.Select(c => (JsonNode)c).ToArray()),
        }
        : new JsonObject();

    public override torch.nn.Module<torch.Tensor, torch.Tensor> BuildFromSpec(JsonObject spec) =>
        spec["t1_rows"] is JsonArray rows && spec["t1_columns"] is JsonArray columns
            ? new T1Operator(this, new ModeSelection(rows.Select(r => r!.GetValue<long>()).ToArray(), columns.Select(c => c!.GetValue<long>()).ToArray()))
            : Build(null);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) =>
        T1Operator.CheckShapes(this, ModeSelection.LowPass(Transform, Modes1, Modes2), inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var p in NonPositive(("in_channels", InChannels), ("out_channels", OutChannels), ("width", Width), ("modes1", Modes1),
                     ("modes2", Modes2), ("init_resolution", InitResolution), ("head_width", HeadWidth), ("selection_samples", SelectionSamples)))
            yield return p;
        if (Layers < 0) yield return $"layers: expected a non-negative integer, got {Layers}";
    }

    private ModeSelection ModesFor(TrainingData? data)
    {
        if (Selection == ModeSelectionKind.LowPass) return ModeSelection.LowPass(Transform, Modes1, Modes2);
        if (data is null)
            throw new DataFileException("t1 with selection 'energy' ranks its modes on the training data: load it from a checkpoint that stores them, or give the data");
        var count = Math.Min(SelectionSamples, data.Train.Count);
        var indices = Enumerable.Range(0, (int)count).Select(i => data.Train.Start + i).ToArray();
        var (inputs, _) = data.Source.Load(indices);
        using (inputs) return ModeSelection.EnergyRanked(Transform, inputs, Modes1, Modes2);
    }
}
