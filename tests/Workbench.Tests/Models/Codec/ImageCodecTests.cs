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

    [Theory]
    [InlineData(EntropyModel.Scale)]
    [InlineData(EntropyModel.MeanScale)]
    public void A_thousand_mutated_files_each_give_an_error_or_an_image_quickly(EntropyModel entropyModel)
    {
        var model = ScaleHyperpriorTests.Tiny(13, entropyModel);
        AssertMutantsDecodeOrFailInOneLine(ImageCodec.Compress(model, Image(64, 64, 3), 2), model, seed: 21);
    }

    /// <summary>
    /// A thousand mutations of <paramref name="bytes"/> (a 64 x 64 image's file: bit flips, truncations, replaced bytes),
    /// each decoded by <paramref name="model"/> into a 64 x 64 image or refused with a one-line error, all within 30 s.
    /// </summary>
    internal static void AssertMutantsDecodeOrFailInOneLine(byte[] bytes, LearnedImageCodec model, int seed)
    {
        var random = new Random(seed);
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
    /// The committed models (float16 weights) code data/images/astronaut.png at quality 3 into the very files that
    /// `workbench --threads 1 codec compress data/images/astronaut.png F.wbc --model M --quality 3` wrote when they were
    /// converted, and decode them into the same pixels (SHA-256 of the RGB bytes) at one thread and at two (HCFSSNet codes
    /// at one thread whatever the setting: its transforms sum in thread-dependent order).
    /// </summary>
    [Theory]
    [InlineData(CodecModelId.Hyperprior, "3f22cd54a0d82bad91cba6183a72e143c1c12317b138cd1fb114b4a15276b344", "be43df98f7893b7c8f46a90e5853026052cf8f36806e366826d38ecfcdefcaf1")]
    [InlineData(CodecModelId.Hcfssnet, "250adaece918467e95d3ea858814794545b66e9aaa61ad82a882d0b7ffc8afac", "4706296604dbd7c5a6b12d2becb53ba2f8f1646741d0a56fa3e5c6b24346dc43")]
    public void The_committed_models_write_and_read_the_files_they_wrote_when_committed_at_any_thread_count(CodecModelId id, string fileSha256, string pixelsSha256)
    {
        var repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));
        var checkpoints = new CodecCheckpoints(Path.Combine(repository, "models", "codec"));
        var image = PngDecoder.Read(Path.Combine(repository, "data", "images", "astronaut.png"));
        var threads = get_num_threads();
        try
        {
            foreach (var count in new[] { 1, 2 })
            {
                set_num_threads(count);
                var file = ImageCodec.Compress(checkpoints.Load(id, 3), image, 3);
                var decoded = ImageCodec.Decompress(file, checkpoints.Load);

                Assert.Equal(fileSha256, Sha256(file));
                Assert.Equal((512, 512, 3), (decoded.Width, decoded.Height, decoded.Channels));
                Assert.Equal(pixelsSha256, Sha256(decoded.Pixels));
                Assert.Equal(count, get_num_threads());
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>
    /// The committed variable-rate models code data/images/astronaut.png at quality 3.5 into the files that
    /// `workbench --threads 1 codec compress data/images/astronaut.png F.wbc --model M --models models/codec-variable --quality 3.5`
    /// wrote when they were committed, and decode them into the same pixels (SHA-256 of the RGB bytes), at one thread and at two.
    /// </summary>
    [Theory]
    [InlineData(CodecModelId.Hyperprior, "17d6a65bdb340c9d36a3ebe666ed402f2f09ac22d87a0af2ba03694abb65c889", "75bd2ec5a64334ef398e6924b7756aa69dadcbd7ce625eecc0aa99365634dae6")]
    [InlineData(CodecModelId.Hcfssnet, "07154917db321463188d3c52774527741a8c9a996e71c04ee5af75e2f461a03d", "4aede8be35a14be5681d752c97b718614efd1270e3e91189e2aa87350c7fdf8b")]
    public void The_committed_variable_rate_models_write_and_read_the_files_they_wrote_when_committed_at_any_thread_count(CodecModelId id, string fileHash, string pixelHash)
    {
        var repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));
        var checkpoints = new CodecCheckpoints(Path.Combine(repository, "models", "codec-variable"));
        var image = PngDecoder.Read(Path.Combine(repository, "data", "images", "astronaut.png"));
        var quality = checkpoints.Choose(id, 350);
        var threads = get_num_threads();
        try
        {
            foreach (var count in new[] { 1, 2 })
            {
                set_num_threads(count);
                var file = ImageCodec.Compress(checkpoints.Load(id, quality), image, quality);
                var decoded = ImageCodec.Decompress(file, checkpoints.Load);

                Assert.Equal(fileHash, Sha256(file));
                Assert.Equal(pixelHash, Sha256(decoded.Pixels));
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
