using Workbench.Models.Operators.Afno;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;

namespace Workbench.Tests.Models.Afno;

public sealed class AfnoBlockTests
{
    [Theory]
    [InlineData("afno_block_double_skip")]
    [InlineData("afno_block_single_skip")]
    public void MatchesTheNumpyOracle(string name)
    {
        var fixture = OperatorFixtures.Get(name);
        int Int(string key) => OperatorFixtures.Config(fixture, key).GetInt32();
        var block = OperatorFixtures.Load(new AfnoBlock(Int("dim"), Int("blocks"), Int("factor"),
            OperatorFixtures.Config(fixture, "lambda").GetDouble(), OperatorFixtures.Config(fixture, "fraction").GetDouble(),
            OperatorFixtures.Config(fixture, "double_skip").GetBoolean(), Int("ratio")), fixture);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), block.forward(OperatorFixtures.Input(fixture)), 1e-10);
    }
}
