using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Specs;

namespace Workbench.Models.Operators.T1;

/// <summary>Which single orthonormal transform a T1 model works in.</summary>
public enum T1Transform { Dct, Dft }

/// <summary>
/// Initialisation of the per-mode channel-mixing weights. <see cref="VariancePreserving"/> gives every layer the
/// std sqrt(N / (c m)) as the released T1 code does; <see cref="VariancePreservingFirstLayer"/> gives it to the first
/// layer only (later layers act on fields already confined to the m retained modes and take sqrt(1 / c)).
/// </summary>
public enum SpectralInit { VariancePreserving, VariancePreservingFirstLayer, Naive, Kaiming, Zero }

/// <summary>The activation of a T1 layer; applied to real and imaginary parts separately on complex coefficients.</summary>
public enum T1Activation { Gelu, Tanh, Sin, Identity }

/// <summary>Where a T1 layer's activation acts: on the retained coefficients (the paper) or on the field they stand for.</summary>
public enum ActivationSpace { Coefficients, Physical }

/// <summary>Initialisation of the dense mixing along each frequency axis: Kaiming N(0, gain^2 / m) as released, or the identity.</summary>
public enum ModeMixingInit { Kaiming, Identity }

/// <summary>
/// The pointwise head on coefficients: <see cref="Paper"/> is two bias-free matrices drawn 1e-8 N(0, 1) with sin
/// between, so the head is odd and maps zero coefficients to zero; <see cref="Biased"/> is a default-initialised
/// linear layer with bias, sin, and a biased linear layer with 1e-8 N(0, 1) weights and zero bias.
/// </summary>
public enum T1Head { Paper, Biased }

/// <summary>
/// Scale of the transform's coefficients: <see cref="Orthonormal"/> as in the paper; <see cref="Normalised"/> divides
/// them by sqrt(N) for an H x W = N grid, so the DC coefficient is the field's mean and band-limited fields have the
/// same coefficients at every resolution. Orthonormal coefficients are O(sqrt N) at the low modes; with the released
/// code's other choices T1 then did not train at all on 64^2 Navier-Stokes (experiments/fidelity/t1.md).
/// </summary>
public enum CoefficientScale { Orthonormal, Normalised }

/// <summary>Which modes a T1 model keeps: the low-pass block, or the rows and columns of most training-set energy.</summary>
public enum ModeSelectionKind { LowPass, Energy }

/// <summary>
/// Options of a Transform-Once model (REFERENCES section 1). Modes1 x Modes2 is the retained block: DCT frequencies
/// [0, Modes1) x [0, Modes2); DFT signed row frequencies -(Modes1 - 1)..(Modes1 - 1) x rfft columns [0, Modes2).
/// <see cref="InitResolution"/> is the grid the variance-preserving scale N / (c m) refers to. <see cref="Activation"/>
/// null means the paper's: GELU for the DCT, tanh for the DFT. The defaults are those of the released T1 code but for the
/// normalised coefficient scale (experiments/fidelity/t1.md); configs written before these options existed name the
/// earlier behaviour (init variance_preserving_first_layer, mode_mixing_init identity, head biased). <c>Selection:
/// Energy</c> ranks rows and columns by the energy of the first <see cref="SelectionSamples"/> training inputs; a
/// checkpoint stores the ranked modes, so a trained model loads without its data.
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
    T1Activation? Activation = null,
    ActivationSpace ActivationSpace = ActivationSpace.Coefficients,
    bool Residual = true,
    ModeMixingInit ModeMixingInit = ModeMixingInit.Kaiming,
    T1Head Head = T1Head.Paper,
    CoefficientScale CoefficientScale = CoefficientScale.Normalised,
    ModeSelectionKind Selection = ModeSelectionKind.LowPass,
    int SelectionSamples = 64) : ModelSpec
{
    /// <summary>Marks checkpoints written since the defaults follow the released code.</summary>
    private const string ReleasedDefaultsKey = "t1_released_defaults";

    [JsonIgnore]
    public T1Activation LayerActivation => Activation ?? (Transform == T1Transform.Dct ? T1Activation.Gelu : T1Activation.Tanh);

    public override string Kind => "t1";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new T1Operator(this, ModesFor(data));

    public override JsonObject DerivedSpec(torch.nn.Module model) => model is T1Operator t1
        ? new JsonObject
        {
            ["t1_rows"] = new JsonArray(t1.Transform.Selection.Rows.Select(r => (JsonNode)r).ToArray()),
            ["t1_columns"] = new JsonArray(t1.Transform.Selection.Columns.Select(c => (JsonNode)c).ToArray()),
            [ReleasedDefaultsKey] = true,
        }
        : new JsonObject();

    public override torch.nn.Module<torch.Tensor, torch.Tensor> BuildFromSpec(JsonObject spec)
    {
        var options = spec.ContainsKey("t1_rows") && !spec.ContainsKey(ReleasedDefaultsKey) ? AsBeforeReleasedDefaults() : this;
        return spec["t1_rows"] is JsonArray rows && spec["t1_columns"] is JsonArray columns
            ? new T1Operator(options, new ModeSelection(rows.Select(r => r!.GetValue<long>()).ToArray(), columns.Select(c => c!.GetValue<long>()).ToArray()))
            : options.Build(null);
    }

    public override string? CheckShapes(long[] inputSample, long[] targetSample) =>
        T1Operator.CheckShapes(this, ModeSelection.LowPass(Transform, Modes1, Modes2), inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var p in NonPositive(("in_channels", InChannels), ("out_channels", OutChannels), ("width", Width), ("modes1", Modes1),
                     ("modes2", Modes2), ("init_resolution", InitResolution), ("head_width", HeadWidth), ("selection_samples", SelectionSamples)))
            yield return p;
        if (Layers < 0) yield return $"layers: expected a non-negative integer, got {Layers}";
    }

    /// <summary>
    /// These options as read by the releases before the defaults followed the released code: checkpoints of those
    /// releases hold models built that way, and their run folders' configs cannot name the options added since.
    /// </summary>
    private T1Options AsBeforeReleasedDefaults() => this with
    {
        Init = Init == SpectralInit.VariancePreserving ? SpectralInit.VariancePreservingFirstLayer : Init,
        ModeMixingInit = ModeMixingInit.Identity,
        Head = T1Head.Biased,
        CoefficientScale = CoefficientScale.Normalised,
    };

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
