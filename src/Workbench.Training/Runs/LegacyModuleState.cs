using TorchSharp;
using Workbench.Models.Operators.Fno;
using static TorchSharp.torch;

namespace Workbench.Training.Runs;

/// <summary>
/// Reads a module state written by TorchSharp's Module.save (LEB128 entry count; per entry the key, then the tensor:
/// LEB128 dtype, rank and sizes, raw bytes) and loads it into a model whose parameters have since been renamed or
/// re-laid out: camelCase keys of the first releases map to their snake_case names (<see cref="Renamed"/>), and
/// SFNO's spectral weights, once stored channel-major [c_in, c_out, 2 m_x, 2 m_y, m_t, 2], are permuted to the
/// mode-major layout of <see cref="SpectralConv"/>.
/// </summary>
public static class LegacyModuleState
{
    /// <summary>Old key segments and the names that replaced them.</summary>
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["channelMixing"] = "channel_mixing",
        ["rowMixing"] = "row_mixing",
        ["columnMixing"] = "column_mixing",
        ["liftWeight"] = "lift.weight",
        ["liftBias"] = "lift.bias",
        ["feedForward"] = "feed_forward",
    };

    /// <summary>The current key of a key written under an older name (unchanged when it was never renamed).</summary>
    public static string CurrentKey(string key) => string.Join(".", key.Split('.').Select(s => Renamed.GetValueOrDefault(s, s)));

    /// <summary>
    /// Loads the module state at the reader's position into <paramref name="model"/> (strictly: every key once, shapes
    /// as the model's after the layout change). Returns whether a tensor was re-laid out: such a file's optimiser moments
    /// are in the old layout too.
    /// </summary>
    public static bool Load(nn.Module model, BinaryReader reader)
    {
        var channelMajor = model.named_modules()
            .Where(m => m.module is SpectralConv { Normalization: FFTNormType.Forward, Dims: 3 })
            .ToDictionary(m => m.name.Length == 0 ? "weight" : m.name + ".weight", m => (SpectralConv)m.module);
        using var rewritten = new MemoryStream();
        var relaid = false;
        using (var writer = new BinaryWriter(rewritten, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var count = Decode(reader);
            Encode(writer, count);
            for (var i = 0; i < count; i++)
            {
                var key = CurrentKey(reader.ReadString());
                writer.Write(key);
                using var stored = ReadTensor(reader);
                if (channelMajor.TryGetValue(key, out var conv) && !stored.shape.SequenceEqual(conv.Weight.shape)
                    && stored.dim() == 6 && stored.permute(2, 3, 4, 0, 1, 5).shape.SequenceEqual(conv.Weight.shape))
                {
                    using var modeMajor = stored.permute(2, 3, 4, 0, 1, 5).contiguous();
                    modeMajor.Save(writer);
                    relaid = true;
                }
                else
                {
                    stored.Save(writer);
                }
            }
        }
        rewritten.Position = 0;
        using var rewrittenReader = new BinaryReader(rewritten);
        model.load(rewrittenReader);
        return relaid;
    }

    private static Tensor ReadTensor(BinaryReader reader)
    {
        var dtype = (ScalarType)Decode(reader);
        var shape = new long[Decode(reader)];
        for (var i = 0; i < shape.Length; i++) shape[i] = Decode(reader);
        var tensor = empty(shape, dtype);
        var bytes = checked((int)(tensor.numel() * tensor.ElementSize));
        tensor.bytes = reader.ReadBytes(bytes);
        return tensor;
    }

    private static long Decode(BinaryReader reader)
    {
        long value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    private static void Encode(BinaryWriter writer, long value)
    {
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            writer.Write(value == 0 ? b : (byte)(b | 0x80));
        } while (value != 0);
    }
}
