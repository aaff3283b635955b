using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp;
using Workbench.Core.Errors;

namespace Workbench.Models.Specs;

/// <summary>
/// A model's options as configs and run folders state them: a JSON object whose <c>kind</c> names the family
/// (<see cref="ModelRegistry"/>) and whose other fields are the options record's own. Each family's options record
/// derives from this, so the options are stated once and validated once (<see cref="Problems"/>).
/// </summary>
[JsonConverter(typeof(ModelSpecJsonConverter))]
public abstract record ModelSpec
{
    /// <summary>The registry name this spec is written under.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>
    /// Builds the model; models whose structure depends on the training data (T1's energy-ranked modes) read it here and
    /// need it unless they are rebuilt from a checkpoint's <see cref="DerivedSpec"/>.
    /// </summary>
    public abstract torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data);

    /// <summary>What a checkpoint carries so the model can be rebuilt without its training data; empty for most models.</summary>
    public virtual JsonObject DerivedSpec(torch.nn.Module model) => new();

    /// <summary>The model of a checkpoint whose <see cref="DerivedSpec"/> is <paramref name="spec"/>.</summary>
    public virtual torch.nn.Module<torch.Tensor, torch.Tensor> BuildFromSpec(JsonObject spec) => Build(null);

    /// <summary>Null when samples of these shapes fit the model, else what is wrong.</summary>
    public abstract string? CheckShapes(long[] inputSample, long[] targetSample);

    /// <summary>Every option that is out of range, as "field: what is wrong" with the field's JSON name.</summary>
    public abstract IEnumerable<string> Problems();

    /// <summary>Throws the first of <see cref="Problems"/> as one line naming the model kind.</summary>
    public void Validate()
    {
        if (Problems().FirstOrDefault() is { } problem) throw new WorkbenchException($"{Kind}: {problem}");
    }

    /// <summary>"name: expected a positive integer" for each named value below one.</summary>
    protected static IEnumerable<string> NonPositive(params (string Name, long Value)[] values) =>
        values.Where(v => v.Value < 1).Select(v => $"{v.Name}: expected a positive integer, got {v.Value}");
}
