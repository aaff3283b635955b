using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.Sfno;
using Workbench.Models.Operators.T1;

namespace Workbench.Training.Config;

/// <summary>
/// The model section of an experiment: <c>kind</c> selects the family, the other fields are that family's options.
/// This is the one place where a name picks a class; models themselves take typed option records.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Fno1dConfig), "fno1d")]
[JsonDerivedType(typeof(T1Config), "t1")]
[JsonDerivedType(typeof(Fno2dConfig), "fno2d")]
[JsonDerivedType(typeof(AfnoConfig), "afno")]
[JsonDerivedType(typeof(SfnoConfig), "sfno")]
[JsonDerivedType(typeof(WadepreConfig), "wadepre")]
[JsonDerivedType(typeof(UNetNowcastConfig), "unet_nowcast")]
public abstract record ModelConfig
{
    /// <summary>
    /// Builds the model; models whose structure depends on the training data (T1 energy-ranked modes) read it here, and
    /// need it unless they are rebuilt from a checkpoint's <see cref="DerivedSpec"/>.
    /// </summary>
    public abstract torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data);

    /// <summary>What a checkpoint carries so the model can be rebuilt without its training data; empty for most models.</summary>
    public virtual JsonObject DerivedSpec(torch.nn.Module model) => new();

    /// <summary>The model of a checkpoint whose <see cref="DerivedSpec"/> is <paramref name="spec"/>.</summary>
    public virtual torch.nn.Module<torch.Tensor, torch.Tensor> BuildFromSpec(JsonObject spec) => Build(null);
    public abstract string? CheckShapes(long[] inputSample, long[] targetSample);
    public virtual IEnumerable<string> Problems() => [];
}

public sealed record Fno1dConfig : ModelConfig
{
    public int InChannels { get; init; } = 1;
    public int OutChannels { get; init; } = 1;
    public int Width { get; init; } = 32;
    public int Modes { get; init; } = 16;
    public int Layers { get; init; } = 4;

    private FnoOptions Options => new(InChannels, OutChannels, [Modes], Width, Layers, ProjectionWidth: 4 * Width);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new FnoOperator(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => FnoOperator.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        if (InChannels < 1) yield return $"in_channels: expected a positive integer, got {InChannels}";
        if (OutChannels < 1) yield return $"out_channels: expected a positive integer, got {OutChannels}";
        if (Width < 1) yield return $"width: expected a positive integer, got {Width}";
        if (Modes < 1) yield return $"modes: expected a positive integer, got {Modes}";
        if (Layers < 1) yield return $"layers: expected a positive integer, got {Layers}";
    }
}

/// <summary>The dataset a model is built for: its samples and the training range.</summary>
public sealed record TrainingData(ISampleSource Source, SampleRange Train);

public enum ModeSelectionKind { LowPass, Energy }

/// <summary>
/// Transform Once (REFERENCES section 1); <c>selection: energy</c> ranks rows and columns by training-set energy. The
/// defaults follow the released T1 code but for the normalised coefficient scale (experiments/fidelity/t1.md); configs
/// written before the options existed name the earlier behaviour (init variance_preserving_first_layer,
/// mode_mixing_init identity, head biased, coefficient_scale normalised).
/// </summary>
public sealed record T1Config : ModelConfig
{
    public int InChannels { get; init; } = 1;
    public int OutChannels { get; init; } = 1;
    public int Width { get; init; } = 48;
    public int Modes1 { get; init; } = 24;
    public int Modes2 { get; init; } = 24;
    public int Layers { get; init; } = 8;
    public T1Transform Transform { get; init; } = T1Transform.Dct;
    public SpectralInit Init { get; init; } = SpectralInit.VariancePreserving;
    public int InitResolution { get; init; } = 64;
    public ModeSelectionKind Selection { get; init; } = ModeSelectionKind.LowPass;
    public int SelectionSamples { get; init; } = 64;
    public T1Activation? Activation { get; init; }
    public ActivationSpace ActivationSpace { get; init; } = ActivationSpace.Coefficients;
    public bool Residual { get; init; } = true;
    public ModeMixingInit ModeMixingInit { get; init; } = ModeMixingInit.Kaiming;
    public T1Head Head { get; init; } = T1Head.Paper;
    public CoefficientScale CoefficientScale { get; init; } = CoefficientScale.Normalised;

    private T1Options Options => new(InChannels, OutChannels, Width, Modes1, Modes2, Layers, Transform, Init, InitResolution,
        Activation: Activation, ActivationSpace: ActivationSpace, Residual: Residual, ModeMixingInit: ModeMixingInit, Head: Head, Scale: CoefficientScale);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new T1Operator(Options, ModesFor(data));

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
        var config = spec.ContainsKey("t1_rows") && !spec.ContainsKey(ReleasedDefaultsKey) ? AsBeforeReleasedDefaults() : this;
        return spec["t1_rows"] is JsonArray rows && spec["t1_columns"] is JsonArray columns
            ? new T1Operator(config.Options, new ModeSelection(rows.Select(r => r!.GetValue<long>()).ToArray(), columns.Select(c => c!.GetValue<long>()).ToArray()))
            : config.Build(null);
    }

    /// <summary>Marks checkpoints written since the defaults follow the released code.</summary>
    private const string ReleasedDefaultsKey = "t1_released_defaults";

    /// <summary>
    /// This config as read by the releases before its defaults followed the released code: checkpoints of those
    /// releases hold models built that way, and their run folders' configs cannot name the options added since.
    /// </summary>
    private T1Config AsBeforeReleasedDefaults() => this with
    {
        Init = Init == SpectralInit.VariancePreserving ? SpectralInit.VariancePreservingFirstLayer : Init,
        ModeMixingInit = ModeMixingInit.Identity,
        Head = T1Head.Biased,
        CoefficientScale = CoefficientScale.Normalised,
    };

    public override string? CheckShapes(long[] inputSample, long[] targetSample) =>
        T1Operator.CheckShapes(Options, ModeSelection.LowPass(Transform, Modes1, Modes2), inputSample, targetSample);

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

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("in_channels", InChannels), ("out_channels", OutChannels), ("width", Width),
                     ("modes1", Modes1), ("modes2", Modes2), ("layers", Layers), ("init_resolution", InitResolution), ("selection_samples", SelectionSamples) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
    }
}

/// <summary>FNO-2D with time as channels (REFERENCES section 2).</summary>
public sealed record Fno2dConfig : ModelConfig
{
    public int InChannels { get; init; } = 1;
    public int OutChannels { get; init; } = 1;
    public int Width { get; init; } = 32;
    public int Modes1 { get; init; } = 12;
    public int Modes2 { get; init; } = 12;
    public int Layers { get; init; } = 4;
    public FnoInit Init { get; init; } = FnoInit.Naive;
    public bool BatchNorm { get; init; }
    public int InitResolution { get; init; } = 64;

    private FnoOptions Options => new(InChannels, OutChannels, [Modes1, Modes2], Width, Layers, Init, BatchNorm: BatchNorm,
        InitGrid: [InitResolution, InitResolution]);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new FnoOperator(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => FnoOperator.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("in_channels", InChannels), ("out_channels", OutChannels), ("width", Width),
                     ("modes1", Modes1), ("modes2", Modes2), ("layers", Layers), ("init_resolution", InitResolution) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
    }
}

/// <summary>AFNO operator: patch embedding, AFNO blocks, linear head (REFERENCES section 3). The grid is fixed.</summary>
public sealed record AfnoConfig : ModelConfig
{
    public int InChannels { get; init; } = 1;
    public int OutChannels { get; init; } = 1;
    public int Grid { get; init; } = 64;
    public int EmbedDim { get; init; } = 128;
    public int Depth { get; init; } = 4;
    public int Blocks { get; init; } = 8;
    public int Patch { get; init; } = 4;
    public double ModeFraction { get; init; } = 1.0;
    public double SparsityThreshold { get; init; } = 0.01;
    public bool DoubleSkip { get; init; } = true;

    private AfnoOptions Options => new(InChannels, OutChannels, Grid, Grid, EmbedDim, Depth, Blocks, Patch, ModeFraction, SparsityThreshold,
        DoubleSkip: DoubleSkip);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new AfnoOperator(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => AfnoOperator.CheckShapes(Options, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { ("in_channels", InChannels), ("out_channels", OutChannels), ("grid", Grid),
                     ("embed_dim", EmbedDim), ("depth", Depth), ("blocks", Blocks), ("patch", Patch) })
            if (value < 1) yield return $"{name}: expected a positive integer, got {value}";
        if (EmbedDim % Math.Max(1, Blocks) != 0) yield return $"embed_dim: {EmbedDim} is not divisible by blocks = {Blocks}";
        if (Grid % Math.Max(1, Patch) != 0) yield return $"grid: {Grid} is not divisible by patch = {Patch}";
        if (!(ModeFraction > 0 && ModeFraction <= 1)) yield return $"mode_fraction: expected a value in (0, 1], got {ModeFraction}";
    }
}

/// <summary>Spatiotemporal FNO (REFERENCES section 4): input frames [T_in, X, Y] to output frames [T_out, X, Y], any grid.</summary>
public sealed record SfnoConfig : ModelConfig
{
    public int InputSteps { get; init; } = 10;
    public int OutputSteps { get; init; } = 40;
    public int Width { get; init; } = 20;
    public int Modes1 { get; init; } = 12;
    public int Modes2 { get; init; } = 12;
    public int ModesT { get; init; } = 5;
    public int LatentSteps { get; init; } = 10;
    public int Layers { get; init; } = 4;
    public int TemporalBases { get; init; } = 4;
    public int Expansion { get; init; } = 4;
    public int ProjectionWidth { get; init; } = 64;
    public int OutputModes1 { get; init; } = 12;
    public int OutputModes2 { get; init; } = 12;
    public int OutputModesT { get; init; } = 6;
    public bool TemporalPadding { get; init; } = true;

    public SfnoOptions Options => new(InputSteps, OutputSteps, Width, Modes1, Modes2, ModesT, LatentSteps, Layers, TemporalBases,
        Expansion, ProjectionWidth, OutputModes1, OutputModes2, OutputModesT, TemporalPadding);

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new Sfno(Options);
    public override string? CheckShapes(long[] inputSample, long[] targetSample) => Sfno.CheckShapes(Options, inputSample, targetSample);
    public override IEnumerable<string> Problems() => Options.Problems();
}
