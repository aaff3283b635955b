using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>Initialisers for the implicit representations, drawing from an explicit generator so parallel runs stay reproducible.</summary>
internal static class InrInit
{
    /// <summary>U(-bound, bound) draws into an existing parameter.</summary>
    public static void Uniform(Tensor parameter, double bound, Generator? generator)
    {
        using var _ = no_grad();
        var draw = rand(parameter.shape, parameter.dtype, parameter.device, generator: generator);
        parameter.copy_(draw.mul_(2 * bound).sub_(bound));
    }

    /// <summary>A Linear layer with PyTorch's default initialisation (weights and bias U(-1/sqrt(in), 1/sqrt(in))) drawn from <paramref name="generator"/>.</summary>
    public static Linear Linear(long inputs, long outputs, Generator? generator, bool bias = true)
    {
        var layer = nn.Linear(inputs, outputs, hasBias: bias);
        var bound = 1.0 / Math.Sqrt(inputs);
        Uniform(layer.weight!, bound, generator);
        if (layer.bias is { } b) Uniform(b, bound, generator);
        return layer;
    }

    /// <summary>A ReLU MLP inputs -> hidden (x layers) -> outputs with a linear last layer.</summary>
    public static Sequential ReluMlp(long inputs, long hidden, int hiddenLayers, long outputs, Generator? generator)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputs;
        for (var i = 0; i < hiddenLayers; i++)
        {
            modules.Add(($"linear{i}", Linear(width, hidden, generator)));
            modules.Add(($"relu{i}", nn.ReLU()));
            width = hidden;
        }
        modules.Add(("out", Linear(width, outputs, generator)));
        return nn.Sequential(modules);
    }

    /// <summary>Input must be [N, dimensions]; one clear line otherwise.</summary>
    public static void CheckCoordinates(string model, Tensor x, int dimensions)
    {
        if (x.dim() != 2 || x.shape[1] != dimensions)
            throw new Workbench.Core.Errors.WorkbenchException(
                $"{model}: expected coordinates [N, {dimensions}], got [{string.Join(", ", x.shape)}].");
    }
}
