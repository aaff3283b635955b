using Workbench.Core.Errors;
using Workbench.Data.Splits;

namespace Workbench.Tests.Data;

public class SplitTests
{
    [Fact]
    public void IndexRangesAndFractionsGiveTheSameSplits()
    {
        var byIndex = DatasetSplits.Parse("0:800", "800:900", "900:1000", 1000);
        var byFraction = DatasetSplits.Parse(":0.8", "0.8:0.9", "0.9:", 1000);
        Assert.Equal(byIndex, byFraction);
        Assert.Equal(new SampleRange(800, 900), byIndex.Validation);
        Assert.Equal(100, byIndex.Test.Count);
        Assert.Equal([800L, 801, 802], byIndex.Validation.Indices().Take(3));
    }

    [Fact]
    public void MissingTestSplitIsEmpty()
    {
        var splits = DatasetSplits.Parse("0:8", "8:10", null, 10);
        Assert.Equal(0, splits.Test.Count);
    }

    [Theory]
    [InlineData("0:800", "800:1100", "", "splits.validation: '800:1100' ends at 1100, past the dataset's 1000 samples.")]
    [InlineData("0:800", "700:900", "", "splits: train 0:800 and validation 700:900 overlap.")]
    [InlineData("0-800", "800:900", "", "splits.train: '0-800' is not 'start:end'")]
    [InlineData("0:1.5", "800:900", "", "splits.train: '0:1.5' has bound '1.5'; a fraction must lie in [0, 1].")]
    [InlineData("500:400", "800:900", "", "splits.train: '500:400' starts at 500 after its end 400.")]
    [InlineData("0:0", "800:900", "", "splits.train: '0:0' selects no samples.")]
    public void BadSplitsNameTheFieldAndTheProblem(string train, string validation, string test, string message)
    {
        var error = Assert.Throws<ConfigException>(() => DatasetSplits.Parse(train, validation, test, 1000));
        Assert.StartsWith(message, error.Message);
    }
}
