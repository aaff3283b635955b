using TorchSharp;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Training;
using Workbench.Training.Codec;

namespace Workbench.Tests.Training.Codec;

[Collection(TrainingRunCollection.Name)]
public sealed class CodecTrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-codec-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void One_seed_reproduces_the_trained_weights_and_the_saved_checkpoint_codes_the_same_file()
    {
        var path = Path.Combine(_folder, "pattern.png");
        var pixels = new byte[96 * 80 * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 % 251);
        PngEncoder.Write(path, new RasterImage(96, 80, 3, pixels));
        var options = new CodecTrainingOptions([path], Lambda: 0.01, Steps: 3, BatchSize: 2, PatchSize: 64, LearningRate: 1e-3, Seed: 4);
        var modelOptions = new ScaleHyperpriorOptions(N: 8, M: 12);

        var first = CodecTrainer.Train(() => new ScaleHyperprior(modelOptions), options, _ => { }).Model;
        var second = CodecTrainer.Train(() => new ScaleHyperprior(modelOptions), options, _ => { }).Model;
        foreach (var ((name, a), (_, b)) in first.named_parameters().Zip(second.named_parameters()))
            Assert.True(a.equal(b).all().item<bool>(), $"{name} differs between runs");

        var checkpoints = new CodecCheckpoints(Path.Combine(_folder, "models"));
        checkpoints.Save(2, first, new CodecCheckpointInfo(8, 12, 0.01, 3, 2, 64, 1e-3, 4, ["pattern.png"], 0));
        var image = PngDecoder.Read(path);
        Assert.Equal([(byte)2], checkpoints.Qualities(CodecModelId.Hyperprior));
        Assert.Equal(ImageCodec.Compress(first, image, 2), ImageCodec.Compress(new CodecCheckpoints(checkpoints.Folder).Load(CodecModelId.Hyperprior, 2), image, 2));
    }

    [Fact]
    public void The_order_the_images_are_given_in_does_not_change_the_patches_one_seed_draws()
    {
        string Write(string name, int multiplier)
        {
            var pixels = new byte[80 * 72 * 3];
            for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * multiplier % 251);
            var path = Path.Combine(_folder, name);
            PngEncoder.Write(path, new RasterImage(80, 72, 3, pixels));
            return path;
        }
        var (lower, upper, other) = (Write("b.png", 37), Write("B.png", 11), Write("a.png", 53));
        LearnedImageCodec TrainOn(string[] images) => CodecTrainer.Train(() => new ScaleHyperprior(new ScaleHyperpriorOptions(N: 8, M: 12)),
            new CodecTrainingOptions(images, Lambda: 0.01, Steps: 2, BatchSize: 3, PatchSize: 64, LearningRate: 1e-3, Seed: 9), _ => { }).Model;

        var ordinal = TrainOn([upper, other, lower]);
        var reversed = TrainOn([lower, other, upper]);
        var swapped = TrainOn([other, lower, upper]);

        Assert.Equal(["B.png", "a.png", "b.png"], new CodecTrainingOptions([lower, other, upper], 0.01, 1).ImagesInDrawOrder.Select(Path.GetFileName));
        foreach (var ((name, a), ((_, b), (_, c))) in ordinal.named_parameters().Zip(reversed.named_parameters().Zip(swapped.named_parameters())))
        {
            Assert.True(a.equal(b).all().item<bool>(), $"{name} differs with the images reversed");
            Assert.True(a.equal(c).all().item<bool>(), $"{name} differs with the images swapped");
        }
    }

    [Fact]
    public void A_time_limit_ends_training_after_the_step_that_reaches_it()
    {
        var path = Path.Combine(_folder, "flat.png");
        PngEncoder.Write(path, new RasterImage(64, 64, 3, new byte[64 * 64 * 3]));
        var options = new CodecTrainingOptions([path], Lambda: 0.01, Steps: 50, BatchSize: 1, PatchSize: 64, MaxSeconds: 0);

        var result = CodecTrainer.Train(() => new ScaleHyperprior(new ScaleHyperpriorOptions(N: 8, M: 12)), options, _ => { });

        Assert.Equal(1, result.Steps);
        Assert.Equal(DeviceType.CPU, result.Model.parameters().First().device_type);
    }
}
