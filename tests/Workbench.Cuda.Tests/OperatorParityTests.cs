using TorchSharp;
using Workbench.Models.Operators;
using Workbench.Models.Operators.Afno;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.T1;
using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

/// <summary>Every operator gives on the GPU what it gives on the CPU: outputs, input gradients and parameter gradients.</summary>
public class OperatorParityTests
{
    private static readonly Dictionary<string, (Func<nn.Module<Tensor, Tensor>> Build, long[] Input)> Builders = new()
    {
        ["fno1d"] = (() => new Fno1d(new Fno1dOptions(2, 1, Width: 8, Modes: 6, Layers: 2)), [4, 2, 32]),
        ["fno2d"] = (() => new Fno2d(new Fno2dOptions(3, 2, Width: 8, Modes1: 5, Modes2: 4, Layers: 2)), [2, 3, 24, 20]),
        ["fno3d"] = (() => new Fno3d(new Fno3dOptions(2, 1, Width: 6, Modes1: 3, Modes2: 3, Modes3: 2, Layers: 2, ProjectionWidth: 16)), [2, 2, 12, 12, 8]),
        ["t1-dct"] = (() => new T1Operator(new T1Options(3, 2, Width: 8, Modes1: 6, Modes2: 5, Layers: 3, HeadWidth: 16)), [2, 3, 24, 20]),
        ["t1-dft"] = (() => new T1Operator(new T1Options(3, 2, Width: 8, Modes1: 6, Modes2: 5, Layers: 3, Transform: T1Transform.Dft, HeadWidth: 16)), [2, 3, 24, 20]),
        ["afno"] = (() => new AfnoOperator(new AfnoOptions(3, 2, GridX: 16, GridY: 16, EmbedDim: 16, Depth: 2, Blocks: 4, Patch: 4, ModeFraction: 0.5)), [2, 3, 16, 16]),
        ["self-attention"] = (() => new SelfAttentionMixer(16, heads: 4), [2, 64, 16]),
    };

    public static TheoryData<string> Models() => new(Builders.Keys.Order(StringComparer.Ordinal));

    [CudaTheory]
    [MemberData(nameof(Models))]
    public void Forward_and_backward_match_the_cpu(string name)
    {
        var (build, shape) = Builders[name];
        manual_seed(11);
        using var onCpu = build();
        using var onGpu = build();
        onGpu.load_state_dict(onCpu.state_dict());
        onGpu.to(CUDA);
        using var generator = new Generator(3);
        var x = randn(shape, generator: generator);

        var (yCpu, gradCpu) = ForwardBackward(onCpu, x);
        var (yGpu, gradGpu) = ForwardBackward(onGpu, x.to(CUDA));
        Assert.Equal(DeviceType.CUDA, yGpu.device_type);
        Parity.AssertClose(yCpu, yGpu.cpu(), $"{name} output");
        Parity.AssertClose(gradCpu, gradGpu.cpu(), $"{name} input gradient");
        foreach (var ((parameterName, p), (_, q)) in onCpu.named_parameters().Zip(onGpu.named_parameters()))
            Parity.AssertClose(p.grad!, q.grad!.cpu(), $"{name} gradient of {parameterName}");
    }

    private static (Tensor Output, Tensor InputGradient) ForwardBackward(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        var x = input.detach().clone().requires_grad_();
        var y = model.forward(x);
        y.square().mean().backward();
        return (y.detach(), x.grad!);
    }
}
