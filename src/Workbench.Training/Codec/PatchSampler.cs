using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// Random square crops (with random horizontal flips) of a set of images, as [B, 3, P, P] batches in [0, 1]; each batch
/// draws from the generator it is given, so a trainer can derive one per step.
/// </summary>
internal sealed class PatchSampler : IDisposable
{
    private readonly List<Tensor> _images = [];
    private readonly int _size;

    public PatchSampler(IReadOnlyList<string> paths, int size)
    {
        if (paths.Count == 0) throw new ConfigException("codec training: no training images given.");
        _size = size;
        foreach (var path in paths)
        {
            var image = ImageTensors.ToTensor(PngDecoder.Read(path));
            if (image.shape[2] < size || image.shape[3] < size)
                throw new DataFileException($"{path}: {image.shape[3]} x {image.shape[2]} is smaller than the {size} x {size} patch");
            _images.Add(image);
        }
    }

    public Tensor Next(int batch, Random random)
    {
        using var scope = NewDisposeScope();
        var patches = new Tensor[batch];
        for (var b = 0; b < batch; b++)
        {
            var image = _images[random.Next(_images.Count)];
            var top = random.Next((int)image.shape[2] - _size + 1);
            var left = random.Next((int)image.shape[3] - _size + 1);
            var patch = image[.., .., top..(top + _size), left..(left + _size)];
            patches[b] = random.Next(2) == 0 ? patch : patch.flip(3);
        }
        return cat(patches, 0).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var image in _images) image.Dispose();
    }
}
