using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// A folder of trained codec models: for each model and quality, NAME-qQ.dat (the weights with the integer coding
/// tables: TorchSharp's module file at weight_bits 32, <see cref="CompactCodecWeights"/> at 16) beside NAME-qQ.json
/// (<see cref="CodecCheckpointInfo"/>: channel counts, weight bits and how it was trained).
/// </summary>
public sealed class CodecCheckpoints(string folder)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
    private readonly Dictionary<(CodecModelId, byte), LearnedImageCodec> _loaded = [];

    public string Folder { get; } = folder;

    public static string Name(CodecModelId model) => CodecModels.Name(model);

    public IReadOnlyList<byte> Qualities(CodecModelId model) =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, $"{Name(model)}-q*.json")
                .Select(f => Path.GetFileNameWithoutExtension(f)[(Name(model).Length + 2)..])
                .Select(q => byte.TryParse(q, out var v) ? v : (byte)0).Where(q => q > 0).Order().ToArray()
            : [];

    public LearnedImageCodec Load(CodecModelId model, byte quality)
    {
        if (_loaded.TryGetValue((model, quality), out var cached)) return cached;
        var info = Info(model, quality);
        var loaded = CodecModels.Create(model, info.N, info.M, info.EntropyModel);
        LoadWeights(loaded, Stem(model, quality) + ".dat", info);
        loaded.eval();
        _loaded[(model, quality)] = loaded;
        return loaded;
    }

    /// <summary>
    /// A fresh copy of the trained weights of <paramref name="model"/> at <paramref name="quality"/> in
    /// <paramref name="folder"/>, to continue training; its channel counts must be <paramref name="n"/> and <paramref name="m"/>.
    /// A scale checkpoint also starts a mean-scale model: every weight they share is copied and the mean head starts at
    /// zero, so the means are zero and the start codes exactly as the scale model.
    /// </summary>
    public static LearnedImageCodec LoadWeights(string folder, CodecModelId model, byte quality, int n, int m, EntropyModel entropyModel = EntropyModel.Scale)
    {
        var checkpoints = new CodecCheckpoints(folder);
        var info = checkpoints.Info(model, quality);
        if (info.N != n || info.M != m)
            throw new ConfigException($"init_from: the {Name(model)}-q{quality} checkpoint in {folder} has N {info.N}, M {info.M}, the experiment N {n}, M {m}");
        var path = checkpoints.Stem(model, quality) + ".dat";
        if (info.EntropyModel == entropyModel)
        {
            var same = CodecModels.Create(model, n, m, entropyModel);
            LoadWeights(same, path, info);
            return same;
        }
        if (info.EntropyModel != EntropyModel.Scale)
            throw new ConfigException($"init_from: the {Name(model)}-q{quality} checkpoint in {folder} is {EntropyModels.Name(info.EntropyModel)}, " +
                                      $"which cannot start a {EntropyModels.Name(entropyModel)} model");
        using var scale = CodecModels.Create(model, n, m);
        LoadWeights(scale, path, info);
        var loaded = CodecModels.Create(model, n, m, entropyModel);
        using (no_grad())
        {
            var target = loaded.state_dict();
            foreach (var (name, tensor) in scale.state_dict()) target[name].copy_(tensor);
            loaded.MeanHead!.Weight.zero_();
            loaded.MeanHead.Bias.zero_();
        }
        return loaded;
    }

    public CodecCheckpointInfo Info(CodecModelId model, byte quality)
    {
        var stem = Stem(model, quality);
        if (!File.Exists(stem + ".json") || !File.Exists(stem + ".dat"))
        {
            var available = string.Join(", ", Qualities(model));
            throw new DataFileException($"no trained {Name(model)} model for quality {quality} in {Folder} (available: {(available.Length > 0 ? available : "none")})");
        }
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
        var stem = Stem(trained.Id, quality);
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
        AtomicFile.WriteAllText(stem + ".json", JsonSerializer.Serialize(info, Json) + "\n");
    }

    private static void LoadWeights(LearnedImageCodec model, string path, CodecCheckpointInfo info)
    {
        if (info.WeightBits == 16) CompactCodecWeights.Load(model, path);
        else model.load(path);
    }

    private string Stem(CodecModelId model, byte quality) => Path.Combine(Folder, $"{Name(model)}-q{quality}");
}

/// <summary>
/// What a codec checkpoint needs to be rebuilt, and how it was trained. <see cref="Steps"/> and
/// <see cref="TrainingSeconds"/> count every run that led to it; <see cref="PriorSteps"/> of them were taken before the
/// last run continued from an earlier checkpoint (0: trained from scratch). The other fields describe the last run.
/// <see cref="WeightBits"/> is how the .dat file stores floating-point weights: 32 (TorchSharp's module file, and every
/// checkpoint written before 16 existed) or 16 (<see cref="CompactCodecWeights"/>). <see cref="EntropyModel"/> is written
/// only when it is not the scale model, so scale checkpoints read and write as they did before it existed.
/// </summary>
public sealed record CodecCheckpointInfo(int N, int M, double Lambda, int Steps, int BatchSize, int PatchSize, double LearningRate,
    long Seed, IReadOnlyList<string> TrainingImages, double TrainingSeconds, int PriorSteps = 0, int WeightBits = 32,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] EntropyModel EntropyModel = EntropyModel.Scale)
{
    /// <summary>This run's description counted on top of the checkpoint it continued from (itself when none).</summary>
    public CodecCheckpointInfo After(CodecCheckpointInfo? prior) => prior is null
        ? this
        : this with { Steps = prior.Steps + Steps, TrainingSeconds = Math.Round(prior.TrainingSeconds + TrainingSeconds, 1), PriorSteps = prior.Steps };
}
