using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Models.Operators.Fno;

namespace Workbench.Training.Interop;

/// <summary>
/// A module's parameters and buffers under PyTorch's names (<see cref="NamingOf"/>), as contiguous CPU copies, and the
/// strict way back: every expected name present, no other, each with the module's shape and dtype. A codec's integer
/// coding tables (<see cref="DerivedBuffers"/>) are left out: they follow from the entropy model's parameters, and
/// are rebuilt on import.
/// </summary>
public static class ModuleStateDict
{
    public static readonly IReadOnlyList<string> DerivedBuffers =
        ["entropy_bottleneck.cdfs", "entropy_bottleneck.cdf_lengths", "entropy_bottleneck.offsets"];

    public static IStateDictNaming NamingOf(torch.nn.Module model) => model is FnoOperator fno
        ? new FnoSpectralBlocks(fno.Options.Dims)
        : new SameNames();

    public static Dictionary<string, torch.Tensor> Export(torch.nn.Module model)
    {
        using var scope = torch.NewDisposeScope();
        var own = model.state_dict()
            .Where(entry => !(model is LearnedImageCodec && DerivedBuffers.Contains(entry.Key)))
            .ToDictionary(entry => entry.Key, entry => entry.Value.detach().cpu());
        var renamed = NamingOf(model).ToPyTorch(own);
        return renamed.ToDictionary(entry => entry.Key, entry => entry.Value.contiguous().clone().MoveToOuterDisposeScope());
    }

    /// <summary>Copies <paramref name="file"/>'s tensors into <paramref name="model"/>, or refuses naming the first key that does not fit.</summary>
    public static void Load(torch.nn.Module model, StateDict file, string origin)
    {
        using var scope = torch.NewDisposeScope();
        var expected = Export(model);
        var missing = expected.Keys.Where(k => !file.Tensors.ContainsKey(k)).ToList();
        var unexpected = file.Tensors.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new DataFileException($"{origin}: missing key '{missing[0]}' {Shape(expected[missing[0]])}{Others(missing.Count, unexpected.Count)}");
        if (unexpected.Count > 0)
            throw new DataFileException($"{origin}: unexpected key '{unexpected[0]}'{(unexpected.Count > 1 ? $" ({unexpected.Count} unexpected)" : "")}");
        foreach (var (name, want) in expected)
        {
            var got = file.Tensors[name];
            if (!got.shape.SequenceEqual(want.shape))
                throw new DataFileException($"{origin}: '{name}' has shape {Shape(got)}, expected {Shape(want)}");
            if (got.dtype != want.dtype)
                throw new DataFileException($"{origin}: '{name}' has dtype {got.dtype}, expected {want.dtype}");
        }
        var named = NamingOf(model).FromPyTorch(expected.Keys.ToDictionary(k => k, k => file.Tensors[k]));
        using var _ = torch.no_grad();
        foreach (var (name, target) in model.state_dict())
            if (named.TryGetValue(name, out var source)) target.copy_(source);
        if (model is LearnedImageCodec codec) codec.EntropyBottleneck.UpdateTables();
    }

    private static string Shape(torch.Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";

    private static string Others(int missing, int unexpected)
    {
        var counts = new List<string>();
        if (missing > 1) counts.Add($"{missing} missing");
        if (unexpected > 0) counts.Add($"{unexpected} unexpected");
        return counts.Count > 0 ? $" ({string.Join(", ", counts)})" : "";
    }
}
