using System.Buffers.Binary;
using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.PyBridge;
using Workbench.Core.Errors;
using Workbench.Core.IO;

namespace Workbench.Training.Interop;

/// <summary>Named tensors in PyTorch's naming, in file order, and the workbench spec that came with them (null: none).</summary>
public sealed class StateDict(Dictionary<string, torch.Tensor> tensors, JsonObject? spec) : IDisposable
{
    public Dictionary<string, torch.Tensor> Tensors { get; } = tensors;
    public JsonObject? Spec { get; } = spec;

    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
    }
}

/// <summary>
/// Reads and writes state-dict files through TorchSharp.PyBridge. A safetensors file carries the spec as a JSON string
/// in its header's <c>__metadata__</c> (safetensors metadata values are strings); a torch.save file cannot hold
/// anything but tensors for PyBridge, so its spec goes to the sidecar NAME.spec.json beside it. Writes are atomic.
/// </summary>
public static class StateDictFile
{
    public const string SpecKey = "workbench_spec";
    private const string MetadataKey = "__metadata__";

    /// <summary>The header is read by JSON parsers, never by browsers: quotes inside the spec string stay plain \".</summary>
    private static readonly JsonSerializerOptions HeaderJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The spec sidecar of a torch.save file: model.pt -> model.spec.json.</summary>
    public static string SidecarOf(string path) => Path.ChangeExtension(path, ".spec.json");

    public static void Write(string path, StateDictFormat format, Dictionary<string, torch.Tensor> tensors, JsonObject spec)
    {
        if (format == StateDictFormat.Safetensors)
        {
            AtomicFile.WriteAllBytes(path, SafetensorsWithMetadata(tensors, spec));
            return;
        }
        var pickled = AtomicFile.TemporarySibling(path);
        var sidecar = AtomicFile.TemporarySibling(SidecarOf(path));
        try
        {
            using (var stream = File.Create(pickled)) PyTorchPickler.PickleStateDict(stream, new Hashtable(tensors), leaveOpen: false);
            File.WriteAllText(sidecar, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            AtomicFile.Commit(sidecar, SidecarOf(path));
            AtomicFile.Commit(pickled, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AtomicFile.Refused(Path.GetFullPath(path), e);
        }
        finally
        {
            AtomicFile.TryDelete(pickled);
            AtomicFile.TryDelete(sidecar);
        }
    }

    public static StateDict Read(string path)
    {
        if (!File.Exists(path)) throw new DataFileException($"{path}: file not found");
        var format = StateDictFormats.OfFile(path);
        try
        {
            return format == StateDictFormat.Safetensors ? ReadSafetensors(path) : ReadPickled(path);
        }
        catch (Exception e) when (e is not WorkbenchException and (IOException or JsonException or InvalidDataException or ArgumentException
                                      or NotImplementedException or InvalidCastException or InvalidOperationException or NullReferenceException or Razorvine.Pickle.PickleException))
        {
            throw new DataFileException($"{path}: not a readable {(format == StateDictFormat.Safetensors ? "safetensors" : "torch.save")} state dict ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }

    /// <summary>The workbench spec of a state-dict file (null: none) without reading its tensors.</summary>
    public static JsonObject? ReadSpec(string path)
    {
        if (!File.Exists(path)) throw new DataFileException($"{path}: file not found");
        try
        {
            if (StateDictFormats.OfFile(path) == StateDictFormat.Pt)
                return File.Exists(SidecarOf(path)) ? JsonNode.Parse(File.ReadAllText(SidecarOf(path))) as JsonObject : null;
            using var stream = File.OpenRead(path);
            return SafetensorsSpec(stream, stream.Length);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or InvalidOperationException)
        {
            throw new DataFileException($"{path}: unreadable state-dict header or spec ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }

    /// <summary>PyBridge's safetensors bytes with the spec added to the header, padded so the data stays 8-byte aligned.</summary>
    private static byte[] SafetensorsWithMetadata(Dictionary<string, torch.Tensor> tensors, JsonObject spec)
    {
        using var plain = new MemoryStream();
        Safetensors.SaveStateDict(plain, tensors, leaveOpen: true);
        var bytes = plain.ToArray();
        var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        var index = JsonNode.Parse(bytes.AsSpan(8, headerLength))!.AsObject();
        var header = new JsonObject { [MetadataKey] = new JsonObject { [SpecKey] = spec.ToJsonString(HeaderJson) } };
        foreach (var (name, entry) in index.ToList())
        {
            index.Remove(name);
            header[name] = entry;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString(HeaderJson));
        var padded = (json.Length + 7) / 8 * 8;
        var output = new byte[8 + padded + bytes.Length - 8 - headerLength];
        BinaryPrimitives.WriteUInt64LittleEndian(output, (ulong)padded);
        json.CopyTo(output, 8);
        output.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        bytes.AsSpan(8 + headerLength).CopyTo(output.AsSpan(8 + padded));
        return output;
    }

    private static StateDict ReadSafetensors(string path)
    {
        JsonObject? spec;
        using (var stream = File.OpenRead(path)) spec = SafetensorsSpec(stream, stream.Length);
        return new StateDict(Safetensors.LoadStateDict(path), spec);
    }

    private static JsonObject? SafetensorsSpec(Stream stream, long length)
    {
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(length - 8)) throw new InvalidDataException($"header length {headerLength} exceeds the file");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var metadata = JsonNode.Parse(header)!.AsObject()[MetadataKey] as JsonObject;
        return metadata?[SpecKey] is JsonValue text ? JsonNode.Parse(text.GetValue<string>())!.AsObject() : null;
    }

    private static StateDict ReadPickled(string path)
    {
        Hashtable table;
        using (var stream = File.OpenRead(path)) table = PyTorchUnpickler.UnpickleStateDict(stream);
        var tensors = table.Keys.Cast<string>().Order(StringComparer.Ordinal).ToDictionary(k => k, k => (torch.Tensor)table[k]!);
        var sidecar = SidecarOf(path);
        var spec = File.Exists(sidecar) ? JsonNode.Parse(File.ReadAllText(sidecar)) as JsonObject : null;
        return new StateDict(tensors, spec);
    }
}
