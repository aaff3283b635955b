using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.T1;
using static TorchSharp.torch;

namespace Workbench.Tests.Shared;

/// <summary>One small instance of every operator with an input shape it accepts; linked into the CPU and CUDA test projects.</summary>
public static class SmallOperators
{
    public static readonly IReadOnlyDictionary<string, (Func<nn.Module<Tensor, Tensor>> Build, long[] Input)> All =
        new Dictionary<string, (Func<nn.Module<Tensor, Tensor>>, long[])>
        {
            ["fno1d"] = (() => new FnoOperator(new FnoOptions(2, 1, [6], Width: 8, Layers: 2, ProjectionWidth: 32)), [4, 2, 32]),
            ["fno2d"] = (() => new FnoOperator(new FnoOptions(3, 2, [5, 4], Width: 8, Layers: 2)), [2, 3, 24, 20]),
            ["fno3d"] = (() => new FnoOperator(new FnoOptions(2, 1, [3, 3, 2], Width: 6, Layers: 2, ProjectionWidth: 16)), [2, 2, 12, 12, 8]),
            ["t1-dct"] = (() => new T1Operator(new T1Options(3, 2, Width: 8, Modes1: 6, Modes2: 5, Layers: 3, HeadWidth: 16)), [2, 3, 24, 20]),
            ["t1-dft"] = (() => new T1Operator(new T1Options(3, 2, Width: 8, Modes1: 6, Modes2: 5, Layers: 3, Transform: T1Transform.Dft, HeadWidth: 16)), [2, 3, 24, 20]),
            ["afno"] = (() => new AfnoOperator(new AfnoOptions(3, 2, GridX: 16, GridY: 16, EmbedDim: 16, Depth: 2, Blocks: 4, Patch: 4, ModeFraction: 0.5)), [2, 3, 16, 16]),
            ["afno-mixer"] = (() => new AfnoMixer(16, blocks: 4, modeFraction: 0.5), [2, 6, 8, 16]),
            ["self-attention"] = (() => new SelfAttentionMixer(16, heads: 4), [2, 64, 16]),
        };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in All.Keys.Order(StringComparer.Ordinal)) names.Add(name);
        return names;
    }
}
