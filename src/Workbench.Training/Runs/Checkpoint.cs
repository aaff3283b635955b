using System.Text;
using System.Text.Json;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.IO;

namespace Workbench.Training.Runs;

/// <summary>Where training stood at the end of an epoch: enough to continue as if never interrupted.</summary>
public sealed record TrainingState(int Epoch, long Step, double BestValue, int BestEpoch);

/// <summary>
/// One file holding the training state, the model parameters and the optimiser state (moments, step counts),
/// written atomically. Layout: magic, state JSON (length-prefixed), TorchSharp module state, optimiser state.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "WBCKPT1";

    public static void Save(string path, TrainingState state, torch.nn.Module model, TorchSharp.Modules.OptimizerHelper optimizer) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(state));
            model.save(writer);
            optimizer.save_state_dict(writer);
        });

    public static TrainingState Load(string path, torch.nn.Module model, TorchSharp.Modules.OptimizerHelper? optimizer)
    {
        if (!File.Exists(path)) throw new DataFileException($"{path}: checkpoint not found");
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new DataFileException($"{path}: not a workbench checkpoint");
            var state = JsonSerializer.Deserialize<TrainingState>(reader.ReadString())
                        ?? throw new DataFileException($"{path}: checkpoint has no training state");
            model.load(reader);
            optimizer?.load_state_dict(reader);
            return state;
        }
        catch (Exception e) when (e is EndOfStreamException || e is IOException || e is JsonException || e is ArgumentException)
        {
            throw new DataFileException($"{path}: corrupt or incompatible checkpoint ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
