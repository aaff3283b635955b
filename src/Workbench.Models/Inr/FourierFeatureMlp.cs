using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>Gaussian Fourier-feature mapping followed by a ReLU MLP; B is a buffer (saved, not trained).</summary>
public sealed class FourierFeatureMlp : nn.Module<Tensor, Tensor>
{
    private readonly Tensor B;
    private readonly Sequential mlp;

    public FourierFeatureMlp(FourierFeatureOptions options, Generator? generator = null) : base(nameof(FourierFeatureMlp))
    {
        if (options.InDim < 1 || options.OutDim < 1 || options.Features < 1 || options.Hidden < 1 || options.HiddenLayers < 1 || options.Sigma <= 0)
            throw new WorkbenchException($"fourier: sizes and sigma must be positive, got {options}.");
        Options = options;
        B = randn([options.Features, options.InDim], generator: generator).mul_(options.Sigma);
        mlp = InrInit.ReluMlp(2 * options.Features, options.Hidden, options.HiddenLayers, options.OutDim, generator);
        RegisterComponents();
    }

    public FourierFeatureOptions Options { get; }

    public Tensor Encode(Tensor x)
    {
        InrInit.CheckCoordinates("fourier", x, Options.InDim);
        using var scope = NewDisposeScope();
        var phase = matmul(x, B.to(x.dtype).t()) * (2 * Math.PI);
        return cat([cos(phase), sin(phase)], 1).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return mlp.forward(Encode(x)).MoveToOuterDisposeScope();
    }
}
