namespace Workbench.Data.Audio;

/// <summary>
/// Decoded audio: <see cref="Samples"/>[channel][frame] in [-1, 1] (integer PCM divided by 2^(bits-1), unsigned 8-bit PCM
/// less 128 first; IEEE float as stored, 64-bit rounded to 32), all channels of equal length.
/// </summary>
public sealed record WavAudio
{
    public WavAudio(int sampleRate, float[][] samples)
    {
        if (sampleRate < 1) throw new ArgumentException($"sample rate must be positive, got {sampleRate}");
        if (samples.Length < 1) throw new ArgumentException("audio needs at least one channel");
        if (samples.Any(c => c.Length != samples[0].Length)) throw new ArgumentException("all channels must have the same length");
        (SampleRate, Samples) = (sampleRate, samples);
    }

    public int SampleRate { get; }
    public float[][] Samples { get; }
    public int Channels => Samples.Length;
    public int Frames => Samples[0].Length;
    public double DurationSeconds => (double)Frames / SampleRate;
}
