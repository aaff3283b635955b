using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.IO;

namespace Workbench.Training.Runs;

/// <summary>Where training stood at the end of an epoch: enough to continue as if never interrupted.</summary>
public sealed record TrainingState(int Epoch, long Step, double BestValue, int BestEpoch);

/// <summary>
/// One file holding the training state, what the model needs beyond its config to be rebuilt (the data-derived spec,
/// e.g. T1's energy-ranked modes), the model parameters and the optimiser state (moments, step counts), written
/// atomically. Layout: magic, state JSON, spec JSON (both length-prefixed), TorchSharp module state, the state of each
/// optimiser in order (the main one, then auxiliary ones such as a codec's quantile optimiser), then the state of each
/// random generator whose draws carry across rounds (as a TorchSharp tensor; none for most tasks). Files of the first
/// layout (no spec) still load, and so do models saved under older parameter names or layouts
/// (<see cref="LegacyModuleState"/>).
/// </summary>
public static class Checkpoint
{
    private const string Magic = "WBCKPT2";
    private const string MagicWithoutSpec = "WBCKPT1";

    /// <summary>A task without a best checkpoint keeps its best value NaN.</summary>
    private static readonly JsonSerializerOptions StateJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Save(string path, TrainingState state, torch.nn.Module model, IReadOnlyList<TorchSharp.Modules.OptimizerHelper> optimizers, JsonObject spec,
        IReadOnlyList<torch.Generator>? generators = null) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(state, StateJson));
            writer.Write(spec.ToJsonString());
            model.save(writer);
            foreach (var optimizer in optimizers) optimizer.save_state_dict(writer);
            foreach (var generator in generators ?? [])
            {
                using var generatorState = generator.get_state();
                generatorState.Save(writer);
            }
        });

    /// <summary>The data-derived spec stored with the model (empty for files of the first layout).</summary>
    public static JsonObject ReadSpec(string path) => Read(path, reader => ReadHeader(path, reader).Spec);

    /// <summary>
    /// Loads the model, <paramref name="optimizers"/> (none: the model only) and the states of <paramref name="generators"/>
    /// (those the checkpoint was saved with, in order) and returns the training state.
    /// </summary>
    public static TrainingState Load(string path, torch.nn.Module model, IReadOnlyList<TorchSharp.Modules.OptimizerHelper> optimizers,
        IReadOnlyList<torch.Generator>? generators = null) =>
        Read(path, reader =>
        {
            var state = ReadHeader(path, reader).State;
            if (LegacyModuleState.Load(model, reader) && optimizers.Count > 0)
                throw new DataFileException($"{path}: written before SFNO's spectral weights were stored mode-major; it loads for eval and refine, but its optimiser state cannot resume training");
            foreach (var optimizer in optimizers) optimizer.load_state_dict(reader);
            foreach (var generator in generators ?? [])
            {
                using var generatorState = generator.get_state();
                generatorState.Load(reader);
                generator.set_state(generatorState);
            }
            return state;
        });

    private static (TrainingState State, JsonObject Spec) ReadHeader(string path, BinaryReader reader)
    {
        var magic = reader.ReadString();
        if (magic != Magic && magic != MagicWithoutSpec) throw new DataFileException($"{path}: not a workbench checkpoint");
        var state = JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), StateJson)
                    ?? throw new DataFileException($"{path}: checkpoint has no training state");
        var spec = magic == Magic ? JsonNode.Parse(reader.ReadString()) as JsonObject ?? new JsonObject() : new JsonObject();
        return (state, spec);
    }

    private static T Read<T>(string path, Func<BinaryReader, T> read)
    {
        if (!File.Exists(path)) throw new DataFileException($"{path}: checkpoint not found");
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException || e is IOException || e is JsonException || e is ArgumentException)
        {
            throw new DataFileException($"{path}: corrupt or incompatible checkpoint ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
