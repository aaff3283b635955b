using System.Runtime.Versioning;
using Workbench.Cli.Benchmarks.Codec;
using Workbench.Core.Errors;
using Workbench.Data.Images;

namespace Workbench.Tests.Cli;

public sealed class CodecBenchPartsTests
{
    private static RasterImage Numbered(int width, int height) =>
        new(width, height, 1, Enumerable.Range(0, width * height).Select(i => (byte)(10 * (i / width) + i % width)).ToArray());

    [Fact]
    public void The_centre_square_starts_at_half_the_spare_columns_and_rows_rounded_down()
    {
        // Pixel value 10 row + column; 5 x 4 leaves 3 spare columns (left edge 1) and 2 spare rows (top edge 1).
        Assert.Equal([11, 12, 21, 22], BenchImage.CentreSquare(Numbered(5, 4), 2, "numbered").Pixels);
        Assert.Equal([0, 1, 2, 10, 11, 12, 20, 21, 22], BenchImage.CentreSquare(Numbered(4, 4), 3, "numbered").Pixels);
        var rgb = new RasterImage(3, 1, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal([4, 5, 6], BenchImage.CentreSquare(rgb, 1, "rgb").Pixels);
    }

    [Fact]
    public void An_image_smaller_than_the_square_on_either_side_is_refused_with_one_line()
    {
        var error = Assert.Throws<DataFileException>(() => BenchImage.CentreSquare(Numbered(600, 400), 512, "coffee.png"));
        Assert.Equal("bench codec: coffee.png is 600 x 400, smaller than the 512 x 512 square the suite codes (--size)", error.Message);
        Assert.Throws<DataFileException>(() => BenchImage.CentreSquare(Numbered(400, 600), 512, "tall.png"));
    }

    [Fact]
    public void The_peer_setting_closest_in_bpp_wins_and_the_first_of_a_tie()
    {
        (int, double)[] table = [(10, 0.25), (20, 0.5), (30, 0.75), (40, 1.0)];
        Assert.Equal((20, 0.5), PeerCodec.Closest(table, 0.6));
        Assert.Equal((30, 0.75), PeerCodec.Closest(table, 0.65));
        Assert.Equal((20, 0.5), PeerCodec.Closest(table, 0.625));
        Assert.Equal((10, 0.25), PeerCodec.Closest(table, 0.01));
        Assert.Equal((40, 1.0), PeerCodec.Closest(table, 3.0));
    }

    [Fact]
    public void The_peer_command_lines_are_the_tools_defaults_with_one_quality_flag()
    {
        Assert.Equal(["-quality", "23", "-outfile", "out.jpg", "in.ppm"], PeerCodec.Jpeg.EncodeArguments(23, "in.ppm", "out.jpg"));
        Assert.Equal(["-outfile", "out.ppm", "in.jpg"], PeerCodec.Jpeg.DecodeArguments("in.jpg", "out.ppm"));
        Assert.Equal(["-quiet", "-q", "40", "in.png", "-o", "out.webp"], PeerCodec.WebP.EncodeArguments(40, "in.png", "out.webp"));
        Assert.Equal(["-quiet", "in.webp", "-o", "out.png"], PeerCodec.WebP.DecodeArguments("in.webp", "out.png"));
        Assert.Equal(Enumerable.Range(1, 95), PeerCodec.Jpeg.Settings);
        Assert.Equal(Enumerable.Range(0, 101), PeerCodec.WebP.Settings);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void A_tool_is_found_only_as_an_executable_file_in_the_first_folder_that_has_one()
    {
        var root = Directory.CreateTempSubdirectory("wb-tools-").FullName;
        try
        {
            var (first, second) = (Directory.CreateDirectory(Path.Combine(root, "a")).FullName, Directory.CreateDirectory(Path.Combine(root, "b")).FullName);
            File.WriteAllText(Path.Combine(first, "cwebp"), "");
            File.WriteAllText(Path.Combine(second, "cwebp"), "");
            File.SetUnixFileMode(Path.Combine(second, "cwebp"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal(Path.Combine(second, "cwebp"), ToolPath.Find("cwebp", [first, second]));
            File.SetUnixFileMode(Path.Combine(first, "cwebp"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            Assert.Equal(Path.Combine(first, "cwebp"), ToolPath.Find("cwebp", [first, second]));
            Assert.Null(ToolPath.Find("dwebp", [first, second]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
