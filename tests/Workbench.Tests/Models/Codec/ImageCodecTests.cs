using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Training;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

[Collection(TrainingRunCollection.Name)]
public sealed class ImageCodecTests
{
    internal static RasterImage Image(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        for (var c = 0; c < 3; c++)
            pixels[(y * width + x) * 3 + c] = (byte)Math.Clamp(128 + 90 * Math.Sin(0.11 * x * (c + 1) + 0.07 * y) + random.Next(-20, 21), 0, 255);
        return new RasterImage(width, height, 3, pixels);
    }

    [Fact]
    public void Decoding_gives_exactly_the_models_quantised_reconstruction()
    {
        var model = ScaleHyperpriorTests.Tiny(11);
        var image = Image(100, 70, 1);

        var bytes = ImageCodec.Compress(model, image, quality: 3);
        var decoded = ImageCodec.Decompress(bytes, (_, _) => model);

        model.eval();
        using var _ = no_grad();
        using var output = model.forward(ImageTensors.Pad(ImageTensors.ToTensor(image), 64));
        var expected = ImageTensors.ToImage(output.Reconstruction, 100, 70);
        Assert.Equal((100, 70, 3), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(expected.Pixels, decoded.Pixels);
    }

    [Fact]
    public void The_same_image_gives_the_same_file_across_runs_and_thread_counts()
    {
        var model = ScaleHyperpriorTests.Tiny(12);
        var image = Image(64, 128, 2);
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var one = ImageCodec.Compress(model, image, 1);
            set_num_threads(2);
            var two = ImageCodec.Compress(model, image, 1);
            Assert.Equal(one, two);
            Assert.Equal(one, ImageCodec.Compress(ScaleHyperpriorTests.Tiny(12), image, 1));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void A_thousand_mutated_files_each_give_an_error_or_an_image_quickly()
    {
        var model = ScaleHyperpriorTests.Tiny(13);
        var bytes = ImageCodec.Compress(model, Image(64, 64, 3), 2);
        var random = new Random(21);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (errors, images) = (0, 0);
        for (var trial = 0; trial < 1000; trial++)
        {
            var mutated = bytes.ToArray();
            switch (trial % 3)
            {
                case 0: mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8)); break;
                case 1: mutated = mutated[..random.Next(mutated.Length)]; break;
                default: mutated[random.Next(mutated.Length)] = (byte)random.Next(256); break;
            }
            try
            {
                var image = ImageCodec.Decompress(mutated, (_, _) => model);
                Assert.Equal((64, 64), (image.Width, image.Height));
                images++;
            }
            catch (DataFileException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                errors++;
            }
        }
        Assert.Equal(1000, errors + images);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"1000 decodes took {clock.Elapsed}");
    }

    /// <summary>
    /// The committed models code data/images/astronaut.png at quality 3 into the very files (and decode them into the very
    /// pixels) that `workbench codec compress/decompress` wrote before the latent coding was split into composable pieces.
    /// The pixels are pinned as the decoded PNG holds them (PIL's reading of the PNG files written then), so the check
    /// does not depend on the PNG encoder's compressed bytes. They were written with two intra-op threads: the file does
    /// not depend on the thread count, but HCFSSNet's synthesis transform rounds a few pixels differently on one thread.
    /// </summary>
    [Theory]
    [InlineData(CodecModelId.Hyperprior, "4072fed18f7aee3c5a515fe436e1b8217fe7c1eab2836ea37d728c28c9cdc0fd", "d7827bee56b0fb27cb6c7f4479d13100bfb158821caf66e5d140f55ac66e178c")]
    [InlineData(CodecModelId.Hcfssnet, "87be0aca6b78eec30cb1bcbab1970a88d8f9f3e114b727fb7fbb304d8e639eeb", "21c50a104d00141b479207bfc04c05e3aaceb4e6bed7d1ad15dbe2922f15ae13")]
    public void The_committed_models_write_and_read_the_files_they_wrote_when_committed(CodecModelId id, string fileSha256, string decodedPixelsSha256)
    {
        var repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));
        var checkpoints = new CodecCheckpoints(Path.Combine(repository, "models", "codec"));
        var image = PngDecoder.Read(Path.Combine(repository, "data", "images", "astronaut.png"));

        var file = ImageCodec.Compress(checkpoints.Load(id, 3), image, 3);
        var decoded = Path.Combine(Directory.CreateTempSubdirectory("wb-codec-golden-").FullName, "decoded.png");
        var threads = get_num_threads();
        try
        {
            set_num_threads(2);
            PngEncoder.Write(decoded, ImageCodec.Decompress(file, checkpoints.Load));
        }
        finally
        {
            set_num_threads(threads);
        }
        var pixels = PngDecoder.Read(decoded).Pixels;

        Assert.Equal(fileSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        Assert.Equal(decodedPixelsSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pixels)));
        Directory.Delete(Path.GetDirectoryName(decoded)!, recursive: true);
    }
}
