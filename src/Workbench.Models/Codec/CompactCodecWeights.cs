using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Codec weights stored at 16 bits (checkpoints with weight_bits 16): the magic "WBCW", a format version, the number of
/// state entries, then per entry its name and the tensor in TorchSharp's encoding (element type, shape, bytes). Floating-
/// point tensors are stored as float16 unless their names end with a kept suffix; loading widens them into the
/// model's float32 tensors, so the computation stays float32. Integer tensors (the coding tables) are stored as they are.
/// </summary>
public static class CompactCodecWeights
{
    /// <summary>
    /// The entropy bottleneck's quantiles hold the medians that quantise and offset z in coding; they stay float32.
    /// Its density network only built the integer tables, which are stored exactly.
    /// </summary>
    public static readonly IReadOnlyList<string> KeptFloat32 = ["quantiles"];

    private static ReadOnlySpan<byte> Magic => "WBCW"u8;
    private const int Version = 1;

    /// <summary>Rounds <paramref name="model"/>'s floating-point tensors to the float16 values stored (all but the kept ones) and
    /// rebuilds its coding tables from the rounded entropy model.</summary>
    public static void RoundToStored(LearnedImageCodec model, IReadOnlyCollection<string> keptFloat32)
    {
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
                if (tensor.is_floating_point() && !keptFloat32.Any(name.EndsWith))
                {
                    using var rounded = tensor.to(ScalarType.Float16).to(tensor.dtype);
                    tensor.copy_(rounded);
                }
        }
        model.EntropyBottleneck.UpdateTables();
    }

    public static void Save(nn.Module model, string path, IReadOnlyCollection<string> keptFloat32)
    {
        var temporary = AtomicFile.TemporarySibling(path);
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(Version);
            var state = model.state_dict();
            writer.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                var half = tensor.is_floating_point() && !keptFloat32.Any(name.EndsWith);
                using var stored = half ? tensor.detach().to(ScalarType.Float16) : tensor.detach().alias();
                writer.Write(name);
                stored.Save(writer);
            }
        }
        AtomicFile.Commit(temporary, path);
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>, whose state must have the very names and shapes stored.</summary>
    public static void Load(nn.Module model, string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new DataFileException("not a 16-bit codec weight file (bad magic)");
            if (reader.ReadInt32() is var version && version != Version) throw new DataFileException($"16-bit codec weight file version {version} (expected {Version})");
            var state = model.state_dict();
            if (reader.ReadInt32() is var count && count != state.Count) throw new DataFileException($"{count} stored tensors, the model has {state.Count}");
            using var _ = no_grad();
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                if (!state.TryGetValue(name, out var target)) throw new DataFileException($"stored tensor '{name}' is not in the model");
                using var stored = Tensor.Load(reader);
                if (stored.dtype != target.dtype && !(stored.dtype == ScalarType.Float16 && target.is_floating_point()))
                    throw new DataFileException($"'{name}' is stored as {stored.dtype}, the model holds {target.dtype}");
                if (!stored.shape.SequenceEqual(target.shape))
                    throw new DataFileException($"'{name}' is stored as [{string.Join(", ", stored.shape)}], the model holds [{string.Join(", ", target.shape)}]");
                target.copy_(stored);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or DataFileException)
        {
            throw new DataFileException($"{path}: {e.Message}");
        }
    }
}
