using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators;

public sealed record Fno1dOptions(int InChannels = 1, int OutChannels = 1, int Width = 32, int Modes = 16, int Layers = 4);

/// <summary>
/// Fourier neural operator on 1-D periodic grids: lift (input channels plus the x coordinate) by a 1x1 conv,
/// <c>Layers</c> blocks of GELU(spectral conv + 1x1 conv), then a two-layer pointwise projection.
/// Input [B, InChannels, X], output [B, OutChannels, X].
/// </summary>
public sealed class Fno1d : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d lift;
    private readonly ModuleList<SpectralConv1d> spectral;
    private readonly ModuleList<Conv1d> pointwise;
    private readonly Conv1d project1;
    private readonly Conv1d project2;

    public Fno1d(Fno1dOptions options) : base(nameof(Fno1d))
    {
        Options = options;
        lift = nn.Conv1d(options.InChannels + 1, options.Width, 1);
        spectral = new ModuleList<SpectralConv1d>(Enumerable.Range(0, options.Layers)
            .Select(_ => new SpectralConv1d(options.Width, options.Width, options.Modes)).ToArray());
        pointwise = new ModuleList<Conv1d>(Enumerable.Range(0, options.Layers)
            .Select(_ => nn.Conv1d(options.Width, options.Width, 1)).ToArray());
        project1 = nn.Conv1d(options.Width, 4 * options.Width, 1);
        project2 = nn.Conv1d(4 * options.Width, options.OutChannels, 1);
        RegisterComponents();
    }

    public Fno1dOptions Options { get; }

    /// <summary>Null when a sample of this shape fits the model, else what is wrong.</summary>
    public static string? CheckShapes(Fno1dOptions options, long[] input, long[] target)
    {
        if (input.Length != 2 || input[0] != options.InChannels)
            return $"fno1d expects input samples [{options.InChannels}, X], got [{string.Join(", ", input)}]";
        if (target.Length != 2 || target[0] != options.OutChannels || target[1] != input[1])
            return $"fno1d expects target samples [{options.OutChannels}, {input[1]}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var length = x.shape[^1];
        var grid = linspace(0, 1, length + 1, dtype: x.dtype, device: x.device).narrow(0, 0, length)
            .expand(x.shape[0], 1, length);
        var h = lift.forward(cat([x, grid], 1));
        for (var layer = 0; layer < spectral.Count; layer++)
        {
            h = spectral[layer].forward(h) + pointwise[layer].forward(h);
            h = nn.functional.gelu(h);
        }
        return project2.forward(nn.functional.gelu(project1.forward(h))).MoveToOuterDisposeScope();
    }
}
