using System.Text.Json;
using Workbench.Training.Metrics.Nowcasting;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Nowcasting;

public sealed class SsimTests
{
    [Fact]
    public void MatchesTheScipyOracle()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FixturePaths.Of("nowcasting", "ssim_fixture.json")));
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var shape = item.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Tensor Frame(string name) => tensor(item.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray(), ScalarType.Float64)
                .reshape(1, shape[0], shape[1]);
            var (forecast, truth) = (Frame("forecast"), Frame("truth"));
            Assert.Equal(item.GetProperty("ssim").GetDouble(), Ssim.PerFrame(forecast, truth, 255).item<double>(), 12);
            Assert.Equal(item.GetProperty("ssim_self").GetDouble(), Ssim.PerFrame(truth, truth, 255).item<double>(), 12);
        }
    }
}
