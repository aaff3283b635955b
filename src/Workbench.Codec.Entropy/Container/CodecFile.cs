namespace Workbench.Codec.Entropy.Container;

/// <summary>
/// The content of a codec file: which model and quality coded it, the image size, the multiple the image was padded
/// to before coding, and the coded streams in the model's order.
/// </summary>
public sealed record CodecFile(byte ModelId, byte Quality, int Width, int Height, int PadMultiple, IReadOnlyList<byte[]> Streams);
