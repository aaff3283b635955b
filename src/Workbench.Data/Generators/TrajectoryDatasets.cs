using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;
using Workbench.Data.Generators.NavierStokes;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Generators;

/// <summary>Which frames of a trajectory [frames, X, Y] are a sample's input channels and which its target channels.</summary>
public sealed record FrameSplit(string Name, Range Input, Range Target)
{
    /// <summary>FNO / Spectral-Refiner: w(t = 1..10) to w(t = 11..T).</summary>
    public static FrameSplit Fno(int frames)
    {
        var (input, target) = FnoTask.Split(frames);
        return new FrameSplit("fno", input, target);
    }

    /// <summary>The T1 paper's task: w(t = 0) to w(t = T).</summary>
    public static FrameSplit InitialToFinal(int frames) => new("t1", new Range(0, 1), new Range(frames - 1, frames));

    /// <summary>The first <paramref name="inputFrames"/> frames to the next <paramref name="targetFrames"/>.</summary>
    public static FrameSplit Window(int frames, int inputFrames, int targetFrames)
    {
        if (inputFrames < 1 || targetFrames < 1 || inputFrames + targetFrames > frames)
            throw new WorkbenchException($"--input-frames/--target-frames: {inputFrames} + {targetFrames} must be positive and fit the {frames} frames");
        return new FrameSplit("window", new Range(0, inputFrames), new Range(inputFrames, inputFrames + targetFrames));
    }
}

/// <summary>
/// Streams generated trajectories into the HDF5 dataset layout: inputs [N, input frames, X, Y], targets
/// [N, target frames, X, Y], /time of the target frames, provenance with the shard's place among all samples.
/// </summary>
public static class TrajectoryDatasets
{
    public static void Write(string path, IEnumerable<GeneratedTrajectory> trajectories, long samples, long totalSamples,
        long firstSample, FrameSplit split, double recordEvery, double timeOffset, IProgressSink progress)
    {
        Hdf5DatasetWriter? writer = null;
        using var stopListener = StopRequest.Listen();
        try
        {
            long written = 0;
            foreach (var trajectory in trajectories)
            {
                var (frames, x, y) = (trajectory.Shape[0], trajectory.Shape[1], trajectory.Shape[2]);
                var (inStart, inCount) = split.Input.GetOffsetAndLength(frames);
                var (outStart, outCount) = split.Target.GetOffsetAndLength(frames);
                writer ??= Hdf5DatasetWriter.Create(path, new DatasetWriterOptions
                {
                    SampleCount = samples,
                    InputShape = [inCount, x, y],
                    TargetShape = [outCount, x, y],
                    Time = Enumerable.Range(outStart, outCount).Select(f => (float)(timeOffset + f * recordEvery)).ToArray(),
                    Provenance = Provenance(trajectory.Provenance, split, firstSample, samples, totalSamples),
                });
                var frame = x * y;
                writer.WriteSample(trajectory.Values.AsSpan(inStart * frame, inCount * frame), trajectory.Values.AsSpan(outStart * frame, outCount * frame));
                progress.Report("samples", ++written, samples);
                if (written < samples) StopRequest.ThrowIfRequested(() => $"{written} of {samples} samples generated, {Path.GetFullPath(path)} not written");
            }
            if (writer is null) throw new WorkbenchException("no samples were generated");
            writer.Complete();
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private static DatasetProvenance Provenance(IReadOnlyDictionary<string, string> source, FrameSplit split, long first, long count, long total)
    {
        var parameters = JsonNode.Parse(source["parameters"])!.AsObject();
        parameters["task"] = split.Name;
        parameters["samples_total"] = total;
        parameters["shard_first_sample"] = first;
        parameters["shard_samples"] = count;
        return DatasetProvenance.Create(source["generator"], parameters.ToJsonString(), long.Parse(source["seed"]));
    }
}
