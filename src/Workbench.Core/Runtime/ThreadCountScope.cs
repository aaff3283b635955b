using TorchSharp;

namespace Workbench.Core.Runtime;

/// <summary>TorchSharp's intra-op thread count set to <paramref name="threads"/> until disposed, then restored.</summary>
public sealed class ThreadCountScope : IDisposable
{
    private readonly int _previous = torch.get_num_threads();

    public ThreadCountScope(int threads) => torch.set_num_threads(threads);

    public void Dispose() => torch.set_num_threads(_previous);
}
