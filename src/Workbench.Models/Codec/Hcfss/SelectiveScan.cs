using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// The selective (input-dependent) diagonal state-space scan of Mamba, with the step size and decay shared by the
/// channels of a head (as in Mamba-2): per channel i of head k, h_t = exp(delta_{k,t} a_k) h_{t-1} + delta_{k,t} x_{i,t} b_t
/// (S states), y_{i,t} = c_t . h_t + d_i x_{i,t}, with a &lt; 0. Heads of one channel give Mamba's per-channel step.
/// </summary>
public static class SelectiveScan
{
    /// <summary>
    /// x: [..., D, T]; delta: [..., H, T] (&gt;= 0, H dividing D, head k = channels k D/H .. (k+1) D/H - 1); a: broadcastable
    /// to [..., H], negative; b, c: [..., S, T]; d: broadcastable to [..., D]. Returns y [..., D, T].
    /// Chunked (Mamba-2's state-space duality): inside each chunk of <paramref name="chunk"/> steps
    /// y_t = sum_{s &lt;= t} (c_t . b_s) exp(cs_t - cs_s) delta_s x_s, cs the cumulative log-decay, a masked L x L matrix
    /// product; the states at the chunk ends carry the rest (<see cref="States"/>, one level up), entering chunk positions
    /// t as exp(cs_t) c_t . h. Per-step states are never materialised. Every exponent is a sum of log-decays, hence
    /// &lt;= 0, so nothing can overflow.
    /// </summary>
    public static Tensor Apply(Tensor x, Tensor delta, Tensor a, Tensor b, Tensor c, Tensor d, int chunk)
    {
        if (chunk < 2) throw new ArgumentOutOfRangeException(nameof(chunk), chunk, "the chunk length must be at least 2.");
        using var scope = NewDisposeScope();
        var (channels, length, heads, states) = (x.shape[^2], x.shape[^1], delta.shape[^2], b.shape[^2]);
        var headSize = channels / heads;
        var chunks = (length + chunk - 1) / chunk;
        var padding = chunks * chunk - length;
        // Padded steps have decay 1 and no input; they come last, so they change nothing before them.
        Tensor Chunked(Tensor t, long rows) => nn.functional.pad(t.reshape(-1, rows, length), [0, padding]).unflatten(2, chunks, chunk);

        var leading = x.shape[..^2];
        var logDecay = Chunked(delta * a.unsqueeze(-1), heads);                                   // [G, H, nC, L]
        var cumulative = logDecay.cumsum(-1);
        var inputs = Chunked(delta.repeat_interleave(headSize, -2) * x, channels)
            .unflatten(1, heads, headSize).permute(0, 1, 3, 4, 2);                               // [G, H, nC, L, P]
        var bChunks = Chunked(b, states).permute(0, 2, 3, 1);                                         // [G, nC, L, S]
        var cChunks = Chunked(c, states).permute(0, 2, 3, 1);

        var scores = cChunks.matmul(bChunks.transpose(-1, -2)).unsqueeze(1);                               // [G, 1, nC, L, L]
        var within = (DecayMatrix(cumulative) * scores).matmul(inputs);
        var toEnd = (cumulative.narrow(-1, chunk - 1, 1) - cumulative).exp();
        var chunkStates = (bChunks.transpose(-1, -2).unsqueeze(1) * toEnd.unsqueeze(-2)).matmul(inputs);  // [G, H, nC, S, P]
        var ends = States(cumulative.select(-1, chunk - 1), chunkStates.flatten(-2), chunk);
        var entering = nn.functional.pad(ends.narrow(2, 0, chunks - 1), [0, 0, 1, 0]).unflatten(3, states, headSize);
        var carried = cChunks.unsqueeze(1).matmul(entering) * cumulative.exp().unsqueeze(-1);

        var y = (within + carried).permute(0, 1, 4, 2, 3).reshape(-1, channels, chunks * chunk).narrow(2, 0, length);
        return (y.reshape([.. leading, channels, length]) + d.unsqueeze(-1) * x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// All states of h_t = exp(logDecay_t) h_{t-1} + inputs_t, h_{-1} = 0, for logDecay [..., T] &lt;= 0 and inputs
    /// [..., T, S]: chunks of <paramref name="chunk"/> steps scanned at once from a zero state by a loop over the chunk
    /// length, then corrected by exp(cs_t) h_entering, with the chunk-end states solved by recursion one level up.
    /// About chunk * log_chunk(T) tensor steps; used on the (short) sequence of chunk ends.
    /// </summary>
    public static Tensor States(Tensor logDecay, Tensor inputs, int chunk)
    {
        if (chunk < 2) throw new ArgumentOutOfRangeException(nameof(chunk), chunk, "the chunk length must be at least 2.");
        using var scope = NewDisposeScope();
        var length = logDecay.shape[^1];
        if (length <= chunk)
            return Recur(logDecay.exp(), inputs).MoveToOuterDisposeScope();

        var chunks = (length + chunk - 1) / chunk;
        var padding = chunks * chunk - length;
        var stepDim = logDecay.dim() - 1;
        var chunkedDecay = nn.functional.pad(logDecay, [0, padding]).unflatten(stepDim, chunks, chunk);
        var chunkedInputs = nn.functional.pad(inputs, [0, 0, 0, padding]).unflatten(stepDim, chunks, chunk);
        var cumulative = chunkedDecay.cumsum(-1);
        var local = Recur(chunkedDecay.exp(), chunkedInputs);
        var ends = States(cumulative.select(-1, chunk - 1), local.select(-2, chunk - 1), chunk);
        var entering = nn.functional.pad(ends.narrow(-2, 0, chunks - 1), [0, 0, 1, 0]);
        var states = local + cumulative.exp().unsqueeze(-1) * entering.unsqueeze(-2);
        return states.flatten(-3, -2).narrow(-2, 0, length).MoveToOuterDisposeScope();
    }

    /// <summary>h_t = decays_t h_{t-1} + inputs_t from h_{-1} = 0, stepping along the last axis of decays [..., L].</summary>
    private static Tensor Recur(Tensor decays, Tensor inputs)
    {
        // unbind, not select: the backward of one unbind is one stack, that of each select a zero-filled full-size tensor.
        var stepDim = inputs.dim() - 2;
        var decay = decays.unsqueeze(-1).unbind(stepDim);
        var input = inputs.unbind(stepDim);
        var steps = new Tensor[input.Length];
        steps[0] = input[0];
        for (var t = 1; t < steps.Length; t++)
            steps[t] = decay[t] * steps[t - 1] + input[t];
        return stack(steps, stepDim);
    }

    /// <summary>exp(cs_t - cs_s) for s &lt;= t and 0 above the diagonal, [..., L, L], from cumulative log-decays [..., L].</summary>
    private static Tensor DecayMatrix(Tensor cumulative)
    {
        var length = cumulative.shape[^1];
        var future = ones(length, length, ScalarType.Bool, cumulative.device).triu(1);
        return (cumulative.unsqueeze(-1) - cumulative.unsqueeze(-2)).masked_fill(future, double.NegativeInfinity).exp();
    }
}
