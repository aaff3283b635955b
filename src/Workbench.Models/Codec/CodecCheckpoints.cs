using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// A folder of trained codec models: for each model and quality, NAME-qQ.dat (the weights with the integer coding
/// tables: TorchSharp's module file at weight_bits 32, <see cref="CompactCodecWeights"/> at 16) beside NAME-qQ.json
/// (<see cref="CodecCheckpointInfo"/>: channel counts, weight bits and how it was trained); and for a variable-rate
/// model, NAME-variable.{dat,json}, whose json names its lambdas and first quality. A folder with a variable-rate
/// model of a codec codes with it at every quality (<see cref="Choose"/>); files record which kind coded them.
/// </summary>
public sealed class CodecCheckpoints(string folder)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly Dictionary<(CodecModelId, CodecQuality?), LearnedImageCodec> _loaded = [];

    public string Folder { get; } = folder;

    public static string Name(CodecModelId model) => CodecModels.Name(model);

    public IReadOnlyList<byte> Qualities(CodecModelId model) =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, $"{Name(model)}-q*.json")
                .Select(f => Path.GetFileNameWithoutExtension(f)[(Name(model).Length + 2)..])
                .Select(q => byte.TryParse(q, out var v) ? v : (byte)0).Where(q => q > 0).Order().ToArray()
            : [];

    public bool HasVariableRate(CodecModelId model) => File.Exists(VariableRateStem(model) + ".json");

    /// <summary>
    /// The model a user's quality (in hundredths) codes with: the folder's variable-rate model of <paramref name="model"/>
    /// when it has one, otherwise the fixed-rate checkpoint of that whole quality.
    /// </summary>
    public CodecQuality Choose(CodecModelId model, int hundredths)
    {
        if (HasVariableRate(model)) return new CodecQuality(hundredths, VariableRate: true);
        var quality = new CodecQuality(hundredths, VariableRate: false);
        return quality.IsWhole
            ? quality
            : throw new ConfigException($"codec: quality {quality} needs a variable-rate {Name(model)} model, and {Folder} has none");
    }

    public LearnedImageCodec Load(CodecModelId model, byte quality) => Load(model, CodecQuality.Fixed(quality));

    /// <summary>The model that codes at <paramref name="quality"/>: the variable-rate one or the fixed-rate checkpoint of that quality.</summary>
    public LearnedImageCodec Load(CodecModelId model, CodecQuality quality)
    {
        if (!quality.VariableRate && !quality.IsWhole) throw new ArgumentException($"fixed-rate models have whole qualities, got {quality}");
        var key = quality.VariableRate ? (model, (CodecQuality?)null) : (model, quality);
        if (!_loaded.TryGetValue(key, out var loaded))
        {
            var (stem, info) = quality.VariableRate ? (VariableRateStem(model), VariableRateInfo(model)) : (Stem(model, (byte)quality.Value), Info(model, (byte)quality.Value));
            loaded = CodecModels.Create(model, info.N, info.M, info.RateLevels, info.EntropyModel, info.Hcfssnet);
            LoadWeights(loaded, stem + ".dat", info);
            loaded.eval();
            _loaded[key] = loaded;
        }
        if (loaded.Gains is { Levels: var levels } && !levels.Covers(quality))
            throw new DataFileException($"the variable-rate {Name(model)} model in {Folder} covers {levels}, not quality {quality}");
        return loaded;
    }

    /// <summary>
    /// A fresh copy of the trained weights of <paramref name="model"/> at <paramref name="quality"/> in
    /// <paramref name="folder"/>, to continue training; its channel counts must be <paramref name="n"/> and <paramref name="m"/>.
    /// With another HCFSSNet architecture <paramref name="hcfssnet"/> (null: the default one), a grown model starts as exactly the checkpoint.
    /// A scale checkpoint also starts a mean-scale model: every weight they share is copied and the mean head starts at
    /// zero, so the means are zero and the start codes exactly as the scale model.
    /// </summary>
    /// <remarks>
    /// A scale checkpoint starts a mean-scale model with every shared weight copied and the mean head zero, so that it
    /// codes as the checkpoint does (a mean-scale checkpoint cannot start a scale model). With <paramref name="levels"/>
    /// and their <paramref name="lambdas"/>, a variable-rate model starts from the fixed-rate checkpoint: its transforms
    /// and entropy model are copied and each level's gains start at <see cref="GainUnits.StepSizeLogGains"/> of the
    /// checkpoint's lambda, so that the level of the checkpoint's lambda codes exactly as the checkpoint does and the
    /// others start at quantisation steps scaled to their lambdas.
    /// </remarks>
    public static LearnedImageCodec LoadWeights(string folder, CodecModelId model, byte quality, int n, int m,
        EntropyModel entropyModel = EntropyModel.Scale, RateLevels? levels = null, IReadOnlyList<double>? lambdas = null, HcfssnetArchitecture? hcfssnet = null)
    {
        var checkpoints = new CodecCheckpoints(folder);
        var info = checkpoints.Info(model, quality);
        CheckChannels(info, $"{Name(model)}-q{quality}", folder, n, m);
        var what = $"{Name(model)}-q{quality}";
        var path = checkpoints.Stem(model, quality) + ".dat";
        if (info.EntropyModel == entropyModel && levels is null)
        {
            var same = CodecModels.Create(model, n, m, entropyModel: entropyModel, hcfssnet: info.Hcfssnet);
            LoadWeights(same, path, info);
            return Grown(same, hcfssnet, info, what, folder);
        }
        if (info.EntropyModel != entropyModel && info.EntropyModel != EntropyModel.Scale)
            throw new ConfigException($"init_from: the {Name(model)}-q{quality} checkpoint in {folder} is {EntropyModels.Name(info.EntropyModel)}, " +
                                      $"which cannot start a {EntropyModels.Name(entropyModel)} model");
        if (levels is not null && (lambdas is null || lambdas.Count != levels.Count))
            throw new ArgumentException($"{levels.Count} lambdas expected for {levels}", nameof(lambdas));
        using var stored = CodecModels.Create(model, n, m, entropyModel: info.EntropyModel, hcfssnet: info.Hcfssnet);
        LoadWeights(stored, path, info);
        var loaded = CodecModels.Create(model, n, m, levels, entropyModel, info.Hcfssnet);
        using var _ = no_grad();
        var target = loaded.state_dict();
        foreach (var (name, tensor) in stored.state_dict()) target[name].copy_(tensor);
        if (loaded.MeanHead is { } meanHead && info.EntropyModel == EntropyModel.Scale)
        {
            meanHead.Weight.zero_();
            meanHead.Bias.zero_();
        }
        if (levels is not null) loaded.Gains!.Start(GainUnits.StepSizeLogGains(lambdas!, info.Lambda));
        return Grown(loaded, hcfssnet, info, what, folder);
    }

    /// <summary>
    /// A fresh copy of the variable-rate <paramref name="model"/> in <paramref name="folder"/>, which must have these
    /// channels, levels and entropy model; with another HCFSSNet architecture (null: the default one), a grown model
    /// starts as exactly it.
    /// </summary>
    public static LearnedImageCodec LoadVariableRateWeights(string folder, CodecModelId model, int n, int m, RateLevels levels, EntropyModel entropyModel,
        HcfssnetArchitecture? hcfssnet = null)
    {
        var checkpoints = new CodecCheckpoints(folder);
        var info = checkpoints.VariableRateInfo(model);
        CheckChannels(info, $"variable-rate {Name(model)}", folder, n, m);
        if (info.RateLevels != levels)
            throw new ConfigException($"init_from: the variable-rate {Name(model)} checkpoint in {folder} covers {info.RateLevels}, the experiment {levels}");
        if (info.EntropyModel != entropyModel)
            throw new ConfigException($"init_from: the variable-rate {Name(model)} checkpoint in {folder} is {EntropyModels.Name(info.EntropyModel)}, the experiment {EntropyModels.Name(entropyModel)}");
        var loaded = CodecModels.Create(model, n, m, levels, entropyModel, info.Hcfssnet);
        LoadWeights(loaded, checkpoints.VariableRateStem(model) + ".dat", info);
        return Grown(loaded, hcfssnet, info, $"variable-rate {Name(model)}", folder);
    }

    private static void CheckChannels(CodecCheckpointInfo info, string what, string folder, int n, int m)
    {
        if (info.N != n || info.M != m)
            throw new ConfigException($"init_from: the {what} checkpoint in {folder} has N {info.N}, M {info.M}, the experiment N {n}, M {m}");
    }

    /// <summary>
    /// <paramref name="trained"/> itself, or for another HCFSSNet architecture a grown model that starts as exactly it
    /// (<see cref="HcfssnetGrowth"/>), for equal-step ablations from a trained model.
    /// </summary>
    private static LearnedImageCodec Grown(LearnedImageCodec trained, HcfssnetArchitecture? hcfssnet, CodecCheckpointInfo info, string what, string folder)
    {
        if (HcfssnetArchitecture.UnlessDefault(info.Hcfssnet) == HcfssnetArchitecture.UnlessDefault(hcfssnet)) return trained;
        using (trained)
        {
            var grown = CodecModels.Create(trained.Id, info.N, info.M, trained.Gains?.Levels, trained.EntropyModel, hcfssnet);
            try
            {
                HcfssnetGrowth.Grow((Hcfssnet)trained, (Hcfssnet)grown);
            }
            catch (ConfigException e)
            {
                grown.Dispose();
                throw new ConfigException($"init_from: the {what} checkpoint in {folder} has hcfssnet options {Describe(info.Hcfssnet)}, " +
                                          $"which cannot grow into the experiment's {Describe(hcfssnet)}: {e.Message}");
            }
            return grown;
        }
    }

    private static string Describe(HcfssnetArchitecture? hcfssnet) => JsonSerializer.Serialize(hcfssnet ?? new HcfssnetArchitecture(), Compact);

    public CodecCheckpointInfo Info(CodecModelId model, byte quality)
    {
        var available = string.Join(", ", Qualities(model));
        return ReadInfo(Stem(model, quality),
            $"no trained {Name(model)} model for quality {quality} in {Folder} (available: {(available.Length > 0 ? available : "none")})");
    }

    public CodecCheckpointInfo VariableRateInfo(CodecModelId model)
    {
        var stem = VariableRateStem(model);
        var info = ReadInfo(stem, $"no variable-rate {Name(model)} model in {Folder}");
        return info.RateLevels is { } levels && levels.FirstQuality >= 1 && levels.LastQuality <= byte.MaxValue && info.Lambdas!.All(l => l > 0)
            ? info
            : throw new DataFileException($"{stem}.json: a variable-rate model needs positive lambdas and a first_quality with all its levels in 1..255");
    }

    private CodecCheckpointInfo ReadInfo(string stem, string missing)
    {
        if (!File.Exists(stem + ".json") || !File.Exists(stem + ".dat")) throw new DataFileException(missing);
        CodecCheckpointInfo info;
        try
        {
            info = JsonSerializer.Deserialize<CodecCheckpointInfo>(File.ReadAllText(stem + ".json"), Json)
                   ?? throw new DataFileException($"{stem}.json is empty");
        }
        catch (JsonException e)
        {
            throw new DataFileException($"{stem}.json is not a valid checkpoint description: {e.Message}");
        }
        if (!Enum.IsDefined(info.EntropyModel)) throw new DataFileException($"{stem}.json: unknown entropy_model {info.EntropyModel}");
        return info.WeightBits is 16 or 32 ? info : throw new DataFileException($"{stem}.json: weight_bits must be 16 or 32, got {info.WeightBits}");
    }

    /// <summary>
    /// Writes the weights at <see cref="CodecCheckpointInfo.WeightBits"/>; at 16, floating-point tensors whose names end
    /// with one of <paramref name="keptFloat32"/> (default <see cref="CompactCodecWeights.KeptFloat32"/>) stay float32,
    /// and <paramref name="trained"/> first takes the rounded weights and the coding tables they give, so that the file's
    /// tables are those its own weights rebuild and the model in memory codes exactly as the file does.
    /// </summary>
    public void Save(byte quality, LearnedImageCodec trained, CodecCheckpointInfo info, IReadOnlyCollection<string>? keptFloat32 = null)
    {
        if (trained.Gains is not null || info.RateLevels is not null) throw new ArgumentException("a variable-rate model is saved with SaveVariableRate");
        Write(Stem(trained.Id, quality), trained, info, keptFloat32);
    }

    /// <summary>Writes a variable-rate model as NAME-variable.{dat,json}, as <see cref="Save"/> does a fixed-rate one.</summary>
    public void SaveVariableRate(LearnedImageCodec trained, CodecCheckpointInfo info, IReadOnlyCollection<string>? keptFloat32 = null)
    {
        if (trained.Gains is not { Levels: var levels } || info.RateLevels != levels)
            throw new ArgumentException($"a variable-rate model with the levels of its description expected, got {trained.Gains?.Levels} and {info.RateLevels}");
        Write(VariableRateStem(trained.Id), trained, info, keptFloat32);
    }

    private static void Write(string stem, LearnedImageCodec trained, CodecCheckpointInfo info, IReadOnlyCollection<string>? keptFloat32)
    {
        if (info.WeightBits == 16)
        {
            var kept = keptFloat32 ?? CompactCodecWeights.KeptFloat32;
            CompactCodecWeights.RoundToStored(trained, kept);
            CompactCodecWeights.Save(trained, stem + ".dat", kept);
        }
        else
        {
            var temporary = AtomicFile.TemporarySibling(stem + ".dat");
            trained.save(temporary);
            AtomicFile.Commit(temporary, stem + ".dat");
        }
        AtomicFile.WriteAllText(stem + ".json", JsonSerializer.Serialize(info with { Hcfssnet = HcfssnetArchitecture.UnlessDefault(info.Hcfssnet) }, Json) + "\n");
    }

    private static void LoadWeights(LearnedImageCodec model, string path, CodecCheckpointInfo info)
    {
        if (info.WeightBits == 16) CompactCodecWeights.Load(model, path);
        else model.load(path);
    }

    private string Stem(CodecModelId model, byte quality) => Path.Combine(Folder, $"{Name(model)}-q{quality}");

    private string VariableRateStem(CodecModelId model) => Path.Combine(Folder, $"{Name(model)}-variable");
}

/// <summary>
/// What a codec checkpoint needs to be rebuilt, and how it was trained. <see cref="Steps"/> and
/// <see cref="TrainingSeconds"/> count every run that led to it; <see cref="PriorSteps"/> of them were taken before the
/// last run continued from an earlier checkpoint (0: trained from scratch). The other fields describe the last run.
/// <see cref="WeightBits"/> is how the .dat file stores floating-point weights: 32 (TorchSharp's module file, and every
/// checkpoint written before 16 existed) or 16 (<see cref="CompactCodecWeights"/>). A variable-rate model has
/// <see cref="Lambdas"/>, one per quality level from <see cref="FirstQuality"/>, and <see cref="Lambda"/> 0; a fixed-rate
/// one neither (the json leaves them out). <see cref="EntropyModel"/> is written only when it is not the scale model, so
/// scale checkpoints read and write as they did before it existed; so is <see cref="Hcfssnet"/> only when it is not the
/// default architecture (<see cref="HcfssnetArchitecture.UnlessDefault"/>).
/// </summary>
public sealed record CodecCheckpointInfo(int N, int M, double Lambda, int Steps, int BatchSize, int PatchSize, double LearningRate,
    long Seed, IReadOnlyList<string> TrainingImages, double TrainingSeconds, int PriorSteps = 0, int WeightBits = 32,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? Lambdas = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int FirstQuality = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] EntropyModel EntropyModel = EntropyModel.Scale,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HcfssnetArchitecture? Hcfssnet = null)
{
    [JsonIgnore]
    public RateLevels? RateLevels => Lambdas is { Count: > 0 } lambdas ? new RateLevels(FirstQuality, lambdas.Count) : null;

    /// <summary>This run's description counted on top of the checkpoint it continued from (itself when none).</summary>
    public CodecCheckpointInfo After(CodecCheckpointInfo? prior) => prior is null
        ? this
        : this with { Steps = prior.Steps + Steps, TrainingSeconds = Math.Round(prior.TrainingSeconds + TrainingSeconds, 1), PriorSteps = prior.Steps };
}
