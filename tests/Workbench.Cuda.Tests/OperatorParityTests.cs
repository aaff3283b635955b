using TorchSharp;
using Workbench.Tests.Shared;
using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

/// <summary>Every operator gives on the GPU what it gives on the CPU: outputs, input gradients and parameter gradients.</summary>
public class OperatorParityTests
{
    [CudaTheory]
    [MemberData(nameof(SmallOperators.Names), MemberType = typeof(SmallOperators))]
    public void Forward_and_backward_match_the_cpu(string name)
    {
        var (build, shape) = SmallOperators.All[name];
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
