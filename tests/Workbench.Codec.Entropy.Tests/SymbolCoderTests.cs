using Workbench.Codec.Entropy.Cdf;

namespace Workbench.Codec.Entropy.Tests;

public class SymbolCoderTests
{
    [Theory]
    [MemberData(nameof(QuantizedCdfTests.Pmfs), MemberType = typeof(QuantizedCdfTests))]
    public void Values_drawn_from_each_cdf_round_trip_at_their_information_content(string kind)
    {
        var (pmf, tail) = QuantizedCdfTests.Pmf(kind);
        var cdf = QuantizedCdf.FromPmf(pmf, tail);
        var table = new CdfTable([cdf], [-3]);
        var random = new Random(11);
        var values = new int[5000];
        var bits = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var symbol = QuantizedCdf.Find(cdf, (uint)random.Next(QuantizedCdf.Total));
            if (symbol == pmf.Length) symbol = 0; // the escape has its own test
            values[i] = symbol - 3;
            bits += -Math.Log2((cdf[symbol + 1] - cdf[symbol]) / (double)QuantizedCdf.Total);
        }

        var stream = SymbolCoder.Encode(values, new int[values.Length], table);

        Assert.Equal(values, SymbolCoder.Decode(stream, new int[values.Length], table));
        // rANS costs the information content plus the 64-bit final state and at most one partly used word
        Assert.InRange(stream.Length * 8.0, bits, bits + 64 + 32 + 0.01 * bits);
    }

    [Fact]
    public void Mixed_cdfs_and_out_of_range_values_round_trip_through_escape_and_bypass()
    {
        var random = new Random(5);
        var cdfs = Enumerable.Range(0, 6).Select(k => QuantizedCdf.FromPmf(
            Enumerable.Range(0, 2 + 7 * k).Select(_ => random.NextDouble()).ToArray(), 1e-4)).ToArray();
        var offsets = new[] { 0, -1, -7, -20, 3, -100 };
        var table = new CdfTable(cdfs, offsets);
        int[] extremes = [int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1, 1 << 20, -(1 << 20)];
        var indexes = Enumerable.Range(0, 20000).Select(_ => random.Next(6)).ToArray();
        var values = indexes.Select((k, i) => i % 997 == 0 ? extremes[i / 997 % extremes.Length]
            : offsets[k] + random.Next(-4, table.InRangeSymbols(k) + 4)).ToArray();

        var stream = SymbolCoder.Encode(values, indexes, table);

        Assert.Equal(values, SymbolCoder.Decode(stream, indexes, table));
        Assert.Equal(stream, SymbolCoder.Encode(values, indexes, table));
    }

    [Fact]
    public void All_mass_on_one_symbol_codes_that_symbol_in_almost_no_bits()
    {
        var cdf = QuantizedCdf.FromPmf([0, 0, 1, 0], 0);
        var table = new CdfTable([cdf], [0]);
        var values = Enumerable.Repeat(2, 100000).ToArray();

        var stream = SymbolCoder.Encode(values, new int[values.Length], table);

        Assert.Equal(values, SymbolCoder.Decode(stream, new int[values.Length], table));
        var bitsPerSymbol = -Math.Log2((cdf[3] - cdf[2]) / (double)QuantizedCdf.Total);
        Assert.InRange(stream.Length * 8.0, 0, 100000 * bitsPerSymbol + 96);
    }

    [Fact]
    public void Empty_input_gives_the_bare_state_and_decodes_to_nothing()
    {
        var table = new CdfTable([QuantizedCdf.FromPmf([1.0], 0)], [0]);
        var stream = SymbolCoder.Encode([], [], table);
        Assert.Equal(8, stream.Length);
        Assert.Empty(SymbolCoder.Decode(stream, [], table));
    }

    [Fact]
    public void Mutated_streams_give_an_error_or_values_quickly()
    {
        var random = new Random(3);
        var cdfs = Enumerable.Range(0, 4).Select(k => QuantizedCdf.FromPmf(
            Enumerable.Range(0, 3 + 5 * k).Select(_ => random.NextDouble()).ToArray(), 1e-3)).ToArray();
        var table = new CdfTable(cdfs, [0, -2, -5, -9]);
        var indexes = Enumerable.Range(0, 3000).Select(_ => random.Next(4)).ToArray();
        var values = indexes.Select(k => random.Next(-12, 12)).ToArray();
        var stream = SymbolCoder.Encode(values, indexes, table);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int errors = 0, decoded = 0;

        for (var trial = 0; trial < 1000; trial++)
        {
            var mutated = Mutations.Apply(stream, random);
            try
            {
                var result = SymbolCoder.Decode(mutated, indexes, table);
                Assert.Equal(indexes.Length, result.Length);
                decoded++;
            }
            catch (BitstreamException)
            {
                errors++;
            }
        }

        Assert.Equal(1000, errors + decoded);
        Assert.True(errors > 900, $"only {errors} of 1000 mutations were detected by the final-state check");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"1000 decodes took {clock.Elapsed}");
    }
}
