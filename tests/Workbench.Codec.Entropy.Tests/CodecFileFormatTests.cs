using System.Text;
using Workbench.Codec.Entropy.Container;

namespace Workbench.Codec.Entropy.Tests;

public class CodecFileFormatTests
{
    private static CodecFile Sample(int seed)
    {
        var random = new Random(seed);
        var streams = Enumerable.Range(0, 3).Select(s => Enumerable.Range(0, 8 + 40 * s).Select(_ => (byte)random.Next(256)).ToArray()).ToList();
        return new CodecFile(ModelId: 2, Quality: 5, Width: 512, Height: 321, PadMultiple: 64, streams);
    }

    /// <summary>Oracle: Python's zlib.crc32 of the 21 bytes before the checksum is 0x81d34cbf.</summary>
    [Fact]
    public void The_checksum_is_the_zlib_crc32_of_the_bytes_before_it()
    {
        var bytes = CodecFileFormat.Write(new CodecFile(ModelId: 2, Quality: 5, Width: 2, Height: 1, PadMultiple: 64, [Encoding.ASCII.GetBytes("abc")]));
        Assert.Equal("WBIC"u8.ToArray().Concat<byte>([1, 2, 5, 1, 2, 0, 1, 0, 64, 0, 3, 0, 0, 0, 97, 98, 99]), bytes[..^4]);
        Assert.Equal<byte>([0xbf, 0x4c, 0xd3, 0x81], bytes[^4..]);
    }

    /// <summary>Oracle: Python's zlib.crc32 of the 22 bytes before the checksum is 0xf94b8aad.</summary>
    [Fact]
    public void A_variable_rate_file_is_version_2_with_the_quality_hundredths_after_the_pad_multiple()
    {
        var file = new CodecFile(ModelId: 1, Quality: 2, Width: 2, Height: 1, PadMultiple: 64, [Encoding.ASCII.GetBytes("abc")], QualityHundredths: 50);
        var bytes = CodecFileFormat.Write(file);

        Assert.Equal("WBIC"u8.ToArray().Concat<byte>([2, 1, 2, 1, 2, 0, 1, 0, 64, 0, 50, 3, 0, 0, 0, 97, 98, 99]), bytes[..^4]);
        Assert.Equal<byte>([0xad, 0x8a, 0x4b, 0xf9], bytes[^4..]);
        var read = CodecFileFormat.Read(bytes);
        Assert.Equal((file.Quality, file.QualityHundredths, file.Width), (read.Quality, read.QualityHundredths, read.Width));
        Assert.Equal("abc"u8.ToArray(), Assert.Single(read.Streams));
    }

    [Fact]
    public void Quality_hundredths_past_99_are_refused_when_writing_and_when_reading()
    {
        Assert.Throws<ArgumentException>(() => CodecFileFormat.Write(Sample(5) with { QualityHundredths = 100 }));
        var bytes = CodecFileFormat.Write(Sample(5) with { QualityHundredths = 99 });
        bytes[14] = 100;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)));

        var error = Assert.Throws<BitstreamException>(() => CodecFileFormat.Read(bytes));
        Assert.Equal("codec file has quality hundredths 100 (expected 0..99)", error.Message);
    }

    [Fact]
    public void A_file_round_trips_and_is_the_same_bytes_each_time()
    {
        var file = Sample(1);
        var bytes = CodecFileFormat.Write(file);
        var read = CodecFileFormat.Read(bytes);

        Assert.Equal((file.ModelId, file.Quality, file.Width, file.Height, file.PadMultiple), (read.ModelId, read.Quality, read.Width, read.Height, read.PadMultiple));
        Assert.Equal(file.Streams.Count, read.Streams.Count);
        for (var s = 0; s < file.Streams.Count; s++) Assert.Equal(file.Streams[s], read.Streams[s]);
        Assert.Equal(bytes, CodecFileFormat.Write(Sample(1)));
        Assert.Equal(14 + file.Streams.Sum(s => 4 + s.Length) + 4, bytes.Length);
        Assert.Null(read.QualityHundredths);
    }

    [Theory]
    [InlineData("empty", "bad magic")]
    [InlineData("png", "bad magic")]
    [InlineData("header-only", "truncated")]
    [InlineData("version", "version 9 is not supported")]
    [InlineData("truncated", "checksum")]
    [InlineData("flipped", "checksum")]
    public void Foreign_truncated_and_corrupt_files_give_one_clear_error(string kind, string expected)
    {
        var bytes = CodecFileFormat.Write(Sample(2));
        byte[] damaged = kind switch
        {
            "empty" => [],
            "png" => [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0],
            "header-only" => bytes[..10],
            "version" => [.. bytes[..4], 9, .. bytes[5..]],
            "truncated" => bytes[..^7],
            "flipped" => [.. bytes[..40], (byte)(bytes[40] ^ 4), .. bytes[41..]],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<BitstreamException>(() => CodecFileFormat.Read(damaged));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData((byte)25)]
    public void A_thousand_mutated_files_each_give_an_error_or_a_valid_file_quickly(byte? hundredths)
    {
        var bytes = CodecFileFormat.Write(Sample(3) with { QualityHundredths = hundredths });
        var random = new Random(17);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = 0;
        for (var trial = 0; trial < 1000; trial++)
        {
            var mutated = Mutations.Apply(bytes, random);
            try
            {
                var file = CodecFileFormat.Read(mutated);
                Assert.Equal(mutated, CodecFileFormat.Write(file));
            }
            catch (BitstreamException)
            {
                errors++;
            }
        }
        Assert.True(errors >= 990, $"{1000 - errors} mutated files passed the checksum");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"1000 reads took {clock.Elapsed}");
    }

    [Fact]
    public void Sizes_outside_the_format_are_refused_when_writing()
    {
        Assert.Throws<ArgumentException>(() => CodecFileFormat.Write(Sample(4) with { Width = 0 }));
        Assert.Throws<ArgumentException>(() => CodecFileFormat.Write(Sample(4) with { Height = 70000 }));
    }
}
