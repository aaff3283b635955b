namespace Workbench.Codec.Entropy.Container;

/// <summary>
/// The content of a codec file: which model and quality coded it, the image size, the multiple the image was padded
/// to before coding, and the coded streams in the model's order. <see cref="QualityHundredths"/> is set (0..99) when a
/// variable-rate model coded it: its quality is then <see cref="Quality"/> + hundredths / 100; null for a fixed-rate
/// model's file, whose quality is the whole <see cref="Quality"/>.
/// </summary>
public sealed record CodecFile(byte ModelId, byte Quality, int Width, int Height, int PadMultiple, IReadOnlyList<byte[]> Streams, byte? QualityHundredths = null);
