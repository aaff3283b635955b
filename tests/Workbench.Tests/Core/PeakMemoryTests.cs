using Workbench.Core.Benchmarks;
using static TorchSharp.torch;

namespace Workbench.Tests.Core;

// Peak resident memory is process-wide: another test allocating meanwhile would count too.
[Collection(Training.TrainingRunCollection.Name)]
public class PeakMemoryTests
{
    [Fact]
    public void A_64_mib_tensor_made_twice_counts_64_mib_each_time()
    {
        Assert.True(OperatingSystem.IsLinux(), "the workbench measures peak memory through Linux's /proc");
        for (var i = 0; i < 2; i++)
        {
            var bytes = PeakMemory.AddedBytes(() => { using var t = ones(16L * 1024 * 1024); });
            Assert.NotNull(bytes);
            var mib = bytes.Value / 1048576.0;
            Assert.InRange(mib, 62, 72);
        }
    }
}
