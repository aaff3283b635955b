using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Generalised divisive normalisation (Balle et al.) on [B, C, H, W]: y_i = x_i / sqrt(beta_i + sum_j gamma_ij x_j^2),
/// or its approximate inverse (IGDN) x_i * sqrt(...). beta and gamma are the squares of stored parameters, bounded
/// below (beta >= 1e-6, gamma >= 0) so the denominator stays positive; init beta = 1, gamma = 0.1 I.
/// </summary>
public sealed class Gdn : nn.Module<Tensor, Tensor>
{
    private const double BetaMin = 1e-6;
    private readonly Parameter beta;
    private readonly Parameter gamma;
    private readonly bool _inverse;

    public Gdn(int channels, bool inverse = false) : base(inverse ? "Igdn" : nameof(Gdn))
    {
        _inverse = inverse;
        beta = nn.Parameter(ones(channels));
        gamma = nn.Parameter(Math.Sqrt(0.1) * eye(channels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var channels = beta.shape[0];
        var b = beta.to(x.dtype).clamp_min(Math.Sqrt(BetaMin)).square();
        var g = gamma.to(x.dtype).clamp_min(0).square().reshape(channels, channels, 1, 1);
        var norm = nn.functional.conv2d(x.square(), g, b).sqrt();
        return (_inverse ? x * norm : x / norm).MoveToOuterDisposeScope();
    }
}
