using System.Text.RegularExpressions;
using TorchSharp;

namespace Workbench.Training.Interop;

/// <summary>
/// The one place where the FNO's PyTorch names differ from the workbench's. The workbench stores each Fourier layer's
/// weights as one real mode-major block <c>spectral.L.weight</c> [2 m_1, ..., 2 m_{d-1}, m_d, c_in, c_out, 2] (on a
/// full axis the first m rows are wavenumbers 0..m-1, the last m rows -m..-1); the FNO release and neuraloperator keep
/// one channel-major block per low-pass corner, <c>spectral.L.weightsK</c> [c_in, c_out, m_1, ..., m_d, 2]
/// (real and imaginary parts last, as the first release stored them), K = 1 + sum of 2^i over the full axes i on which
/// the corner takes the negative wavenumbers: in 2-D weights1 = rows 0..m_1-1, weights2 = rows -m_1..-1; in 3-D
/// weights3 and weights4 take -m_2..-1 on the second axis. Every other name (lift, pointwise.L, norms.L, project1,
/// project2 with their weight and bias, 1x1 convolutions) is the same on both sides.
/// </summary>
public sealed partial class FnoSpectralBlocks(int dims) : IStateDictNaming
{
    [GeneratedRegex(@"^spectral\.(\d+)\.weight$")]
    private static partial Regex WorkbenchName();

    [GeneratedRegex(@"^spectral\.(\d+)\.weights(\d+)$")]
    private static partial Regex PyTorchName();

    private int Blocks => 1 << (dims - 1);

    public Dictionary<string, torch.Tensor> ToPyTorch(Dictionary<string, torch.Tensor> tensors)
    {
        var renamed = new Dictionary<string, torch.Tensor>();
        foreach (var (name, tensor) in tensors)
        {
            if (WorkbenchName().Match(name) is not { Success: true } match)
            {
                renamed[name] = tensor;
                continue;
            }
            long[] channelMajor = [dims, dims + 1, .. Enumerable.Range(0, dims).Select(i => (long)i), dims + 2];
            for (var block = 0; block < Blocks; block++)
            {
                var corner = tensor;
                for (var axis = 0; axis < dims - 1; axis++)
                {
                    var m = tensor.shape[axis] / 2;
                    corner = corner.narrow(axis, (block >> axis & 1) == 1 ? m : 0, m);
                }
                renamed[$"spectral.{match.Groups[1].Value}.weights{block + 1}"] = corner.permute(channelMajor).contiguous();
            }
        }
        return renamed;
    }

    public Dictionary<string, torch.Tensor> FromPyTorch(Dictionary<string, torch.Tensor> tensors)
    {
        var renamed = new Dictionary<string, torch.Tensor>();
        var layers = new SortedDictionary<int, torch.Tensor[]>();
        foreach (var (name, tensor) in tensors)
        {
            if (PyTorchName().Match(name) is { Success: true } match && int.Parse(match.Groups[2].Value) is var k && k >= 1 && k <= Blocks)
            {
                var layer = int.Parse(match.Groups[1].Value);
                if (!layers.TryGetValue(layer, out var blocks)) layers[layer] = blocks = new torch.Tensor[Blocks];
                blocks[k - 1] = tensor;
            }
            else
            {
                renamed[name] = tensor;
            }
        }
        long[] modeMajor = [.. Enumerable.Range(2, dims).Select(i => (long)i), 0, 1, dims + 2];
        foreach (var (layer, blocks) in layers)
        {
            var corners = blocks.Select(b => b.permute(modeMajor)).ToArray();
            // Join the halves of one axis at a time; the remaining corners keep their order, the next axis in the lowest bit.
            for (var axis = 0; axis < dims - 1; axis++)
                corners = Enumerable.Range(0, corners.Length / 2).Select(j => torch.cat([corners[2 * j], corners[2 * j + 1]], axis)).ToArray();
            renamed[$"spectral.{layer}.weight"] = corners[0].contiguous();
        }
        return renamed;
    }
}
