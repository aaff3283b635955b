using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Afno;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Afno;

public sealed class SelfAttentionMixerTests
{
    [Fact]
    public void MatchesTheNumpyOracle()
    {
        var fixture = OperatorFixtures.Get("self_attention");
        var mixer = OperatorFixtures.Load(new SelfAttentionMixer(
            OperatorFixtures.Config(fixture, "dim").GetInt32(), OperatorFixtures.Config(fixture, "heads").GetInt32()), fixture);
        var output = mixer.forward(OperatorFixtures.Input(fixture));
        Assert.Equal(ScalarType.Float64, output.dtype);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), output, 1e-10);
    }

    [Fact]
    public void RejectsTokensOfAnotherWidth()
    {
        Assert.Throws<WorkbenchException>(() => new SelfAttentionMixer(10, 4));
        var error = Assert.Throws<ArgumentException>(() => new SelfAttentionMixer(8, 2).forward(zeros(1, 5, 6)));
        Assert.Contains("[B, N, 8]", error.Message);
    }
}
