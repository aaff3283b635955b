using System.Text.Json.Serialization;

namespace Workbench.Sparse.Spright;

/// <summary>How the offsets d_p are chosen and how a singleton's index is read from the signs of its bin.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DetectorKind>))]
public enum DetectorKind
{
    /// <summary>D = [0; e_1 .. e_n], P = n + 1: bit q is 1 iff U_{e_q} / U_0 = -1.</summary>
    Noiseless,

    /// <summary>P1 random offsets r_i, each with r_i XOR e_q for every q; P = P1 (n + 1); bit q is a majority vote
    /// over i of sign(U_{r_i}) != sign(U_{r_i XOR e_q}).</summary>
    Robust,

    /// <summary>Offsets are the rows of the generator of a systematic low-density parity-check code over the
    /// n + 1 sign bits (s, s XOR k_1, ..., s XOR k_n), each parity row the XOR of 3 of them; P = n + 1 + parity
    /// rows, decoded by min-sum belief propagation on the bin values.</summary>
    SampleOptimal,
}
