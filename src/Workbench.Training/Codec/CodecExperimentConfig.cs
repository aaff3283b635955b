using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Training.Config;

namespace Workbench.Training.Codec;

/// <summary>
/// A codec training experiment (JSON with <c>"task": "codec"</c>, snake_case, strict like every experiment file):
/// rate-distortion training for one lambda on random crops of PNG images, loss = lambda 255^2 MSE + bpp (CompressAI's
/// lambdas for qualities 1..8: 0.0018, 0.0035, 0.0067, 0.0130, 0.0250, 0.0483, 0.0932, 0.18); Adam at <see cref="Lr"/>
/// on the transforms (gradient norm clipped to 1, a tenth of the rate after <see cref="CodecLearningRate.DropAt"/> of
/// the steps) and Adam at <see cref="AuxLr"/> on the entropy bottleneck's quantiles. Each round of
/// <see cref="CheckpointEvery"/> steps ends with a metrics line and a checkpoint. <see cref="Images"/> names PNG files
/// or folders of them; <see cref="InitFrom"/> names a folder of trained codec models whose checkpoint of this model and
/// quality gives the starting weights; <see cref="SaveTo"/> a folder the trained model is written to at the end.
/// With <see cref="Lambdas"/> instead of <see cref="Lambda"/> the model is a variable-rate one with a quality level per
/// lambda from <see cref="Quality"/> on (<see cref="GainUnits"/>); step s trains the level drawn from (seed, s) with its
/// lambda. It starts from <see cref="InitFrom"/>'s variable-rate model, or, with <see cref="InitQuality"/>, from the
/// fixed-rate checkpoint of that quality with gains sqrt(lambda / lambda_0) (<see cref="GainUnits.StepSizeLogGains"/>);
/// without <see cref="InitFrom"/>, fresh with gains sqrt(lambda / the lambdas' geometric mean).
/// </summary>
public sealed record CodecExperimentConfig
{
    public string Task { get; init; } = ExperimentTask.Codec;
    public required string Name { get; init; }
    public long Seed { get; init; }
    public string Device { get; init; } = "auto";
    public required CodecModelConfig Model { get; init; }
    public required IReadOnlyList<string> Images { get; init; }
    public required int Quality { get; init; }
    public double Lambda { get; init; }
    public IReadOnlyList<double>? Lambdas { get; init; }
    public int Steps { get; init; } = 2000;
    public int BatchSize { get; init; } = 8;
    public int PatchSize { get; init; } = 128;
    public double Lr { get; init; } = 1e-4;
    public double AuxLr { get; init; } = 1e-3;
    public int CheckpointEvery { get; init; } = 100;
    public string? InitFrom { get; init; }
    public int? InitQuality { get; init; }
    public string? SaveTo { get; init; }

    public CodecModelId ModelId => CodecModels.Parse(Model.Kind);

    public RateLevels? RateLevels => Lambdas is { Count: > 0 } lambdas ? new RateLevels(Quality, lambdas.Count) : null;

    /// <summary>What the trained model is saved as: MODEL-qQ, or MODEL-variable for a variable-rate one.</summary>
    public string SavedName => $"{CodecModels.Name(ModelId)}-{(Lambdas is null ? $"q{Quality}" : "variable")}";

    public IEnumerable<string> Problems()
    {
        if (Task != ExperimentTask.Codec) yield return $"task: expected '{ExperimentTask.Codec}', got '{Task}'";
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            yield return $"name: expected a non-empty name usable as a folder name, got '{Name}'";
        if (!CodecModels.Names.Contains(Model.Kind)) yield return $"model.kind: expected one of {string.Join(", ", CodecModels.Names)}, got '{Model.Kind}'";
        if (Model.N < 1 || Model.M < 1) yield return $"model: n and m must be positive, got n {Model.N}, m {Model.M}";
        if (!Enum.IsDefined(Model.EntropyModel)) yield return $"model.entropy_model: expected one of {string.Join(", ", EntropyModels.Names)}";
        if (Model.Hcfssnet is not null && Model.Kind != CodecModels.Name(CodecModelId.Hcfssnet))
            yield return $"model.hcfssnet: hcfssnet options apply to kind hcfssnet, not '{Model.Kind}'";
        else if (Model.Hcfssnet is { } architecture && ArchitectureProblem(architecture) is { } problem) yield return $"model.hcfssnet: {problem}";
        if (Images.Count == 0) yield return "images: expected at least one PNG file or folder";
        if (Quality is < 1 or > 255) yield return $"quality: expected 1..255, got {Quality}";
        if (Lambdas is null && !(Lambda > 0)) yield return $"lambda: expected a positive number, got {Lambda}";
        if (Lambdas is not null && Lambda != 0) yield return "lambda and lambdas: expected one of them (lambdas: a variable-rate model)";
        if (Lambdas is { } lambdas && (lambdas.Count == 0 || lambdas.Any(l => !(l > 0))))
            yield return $"lambdas: expected positive numbers, got [{string.Join(", ", lambdas)}]";
        if (Lambdas is { Count: > 0 } levels && Quality + levels.Count - 1 > byte.MaxValue)
            yield return $"lambdas: {levels.Count} levels from quality {Quality} go past 255";
        if (InitQuality is { } start && (start is < 1 or > 255 || InitFrom is null || Lambdas is null))
            yield return $"init_quality: expected a quality in 1..255 with init_from and lambdas (a variable-rate model's fixed-rate start), got {start}";
        if (Steps < 1) yield return $"steps: expected a positive integer, got {Steps}";
        if (BatchSize < 1) yield return $"batch_size: expected a positive integer, got {BatchSize}";
        if (PatchSize < ScaleHyperpriorOptions.PadMultiple || PatchSize % ScaleHyperpriorOptions.PadMultiple != 0)
            yield return $"patch_size: expected a positive multiple of {ScaleHyperpriorOptions.PadMultiple}, got {PatchSize}";
        if (!(Lr > 0)) yield return $"lr: expected a positive number, got {Lr}";
        if (!(AuxLr > 0)) yield return $"aux_lr: expected a positive number, got {AuxLr}";
        if (CheckpointEvery < 1) yield return $"checkpoint_every: expected a positive integer, got {CheckpointEvery}";
    }

    private string? ArchitectureProblem(HcfssnetArchitecture architecture)
    {
        try
        {
            architecture.Options(Model.N, Model.M, RateLevels, Model.EntropyModel).Validate();
            return null;
        }
        catch (ConfigException e)
        {
            const string prefix = "hcfssnet: ";
            return e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
        }
    }

    public static CodecExperimentConfig Load(string path) => Parse(ExperimentConfigLoader.ReadText(path), path);

    public static CodecExperimentConfig Parse(string text, string origin) =>
        ExperimentConfigLoader.Parse<CodecExperimentConfig>(text, origin, c => c.Problems());

    public string Serialize() => ExperimentConfigLoader.Serialize(this);
}

/// <summary>
/// The codec model: <c>kind</c> (hyperprior or hcfssnet), its channel counts N (transforms) and M (latent), the
/// <c>entropy_model</c> of y (scale or mean_scale), and for hcfssnet optionally its <c>hcfssnet</c> architecture
/// (<see cref="HcfssnetArchitecture"/>; absent: the default one). With <c>init_from</c>, a scale checkpoint also starts
/// a mean_scale model: the weights they share are copied and the mean head starts at zero.
/// </summary>
public sealed record CodecModelConfig
{
    public required string Kind { get; init; }
    public int N { get; init; } = new ScaleHyperpriorOptions().N;
    public int M { get; init; } = new ScaleHyperpriorOptions().M;
    public EntropyModel EntropyModel { get; init; } = EntropyModel.Scale;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HcfssnetArchitecture? Hcfssnet { get; init; }
}
