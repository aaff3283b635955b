using Workbench.Core.Errors;
using Workbench.Data.Audio;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>Audio as time -> amplitude: the first channel's first <c>frames</c> samples over linspace(-1, 1), divided by max |x| (SIREN's recipe).</summary>
public static class AudioSignals
{
    public static InrSignal Regression(string name, WavAudio audio, int frames)
    {
        if (frames < 2 || frames > audio.Frames)
            throw new WorkbenchException($"audio: frames must be in 2..{audio.Frames}, got {frames}.");
        var samples = audio.Samples[0][..frames];
        var peak = samples.Max(Math.Abs);
        if (peak == 0) throw new WorkbenchException("audio: the selected samples are all zero.");
        var values = tensor(samples, ScalarType.Float32).div(peak).reshape(-1, 1);
        var coordinates = linspace(-1, 1, frames, ScalarType.Float32).reshape(-1, 1);
        return new InrSignal(name, coordinates, values, coordinates, values, InrMetric.Snr, frames);
    }
}
