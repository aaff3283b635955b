"""Fidelity audit of the workbench's HCFSSNet against the paper (run with /usr/bin/python3 from anywhere).

Pan, Wei, Wang, Zheng, Jiang, "Hybrid Convolution and Frequency State Space Network for Image Compression",
arXiv 2511.20151, no public code: only the abstract is retrievable (blocks, their roles, evaluation sets, BD-rate vs
VTM). Where the paper is silent, the audit compares with CompressAI's conventions (REFERENCES.md section 9).

Reads only committed files: experiments/results/codec-rd.json (held-out images), experiments/results/codec-train-images/
(the same checkpoints on their own training images), experiments/results/codec-gpu-h100-1000steps/ (a 1,000-step ladder
at N = 64, M = 96), experiments/results/codec-entropy-model.json (both codecs continued with the scale and the mean-scale
entropy model, experiments/fidelity/hcfssnet_entropy.sh), experiments/results/codec-step-slope.json (the committed ladder's
history re-evaluated, experiments/codec/step_slope.py), experiments/results/codec-hcfssnet-ablation.json (equal-step
ablations, experiments/fidelity/hcfssnet_ablation.sh), models/codec/MODEL-qQ.{json,dat} (steps, sizes, weights). Parameter counts are the numbers of
floating-point elements stored in the .dat files (learned parameters plus any floating-point buffers; the integer coding
tables are not counted). Writes experiments/fidelity/hcfssnet.md; no number in it is typed by hand.
"""
import importlib.util
import json
import os
import re


ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# The BD-rate definition of the codec evaluation (checked below against the BD-rates it stored).
_spec = importlib.util.spec_from_file_location("evaluate", os.path.join(ROOT, "experiments", "codec", "evaluate.py"))
evaluate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(evaluate)
RESULTS = os.path.join(ROOT, "experiments", "results")
MODELS = os.path.join(ROOT, "models", "codec")
OUT = os.path.join(ROOT, "experiments", "fidelity", "hcfssnet.md")
HELD_OUT = "experiments/results/codec-rd.json"
TRAIN_IMAGES = "experiments/results/codec-train-images"
SHORT_LADDER = "experiments/results/codec-gpu-h100-1000steps"
ENTROPY = "experiments/results/codec-entropy-model.json"
STEP_SLOPE = "experiments/results/codec-step-slope.json"
ABLATION = "experiments/results/codec-hcfssnet-ablation.json"
QUALITIES = (2, 3, 4, 5)

# TorchSharp ScalarType codes of floating-point tensors and their element sizes, then the other codes' sizes.
FLOAT_SIZES = {5: 2, 6: 4, 7: 8, 15: 2}
OTHER_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 8, 11: 1}


def both_kinds(anchor, test):
    return {kind: evaluate.bd_rate(anchor, test, kind) for kind in ("cubic", "pchip")}


def read_leb128(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def stored_float_elements(path):
    """Floating-point elements of a 16-bit codec weight file ("WBCW", version, count, then name + TorchSharp tensor)."""
    data = open(path, "rb").read()
    assert data[:4] == b"WBCW", path
    count = int.from_bytes(data[8:12], "little")
    pos, total = 12, 0
    for _ in range(count):
        length, pos = read_leb128(data, pos)
        pos += length
        dtype, pos = read_leb128(data, pos)
        ndim, pos = read_leb128(data, pos)
        elements = 1
        for _ in range(ndim):
            size, pos = read_leb128(data, pos)
            elements *= size
        if dtype in FLOAT_SIZES:
            total += elements
            pos += elements * FLOAT_SIZES[dtype]
        else:
            pos += elements * OTHER_SIZES[dtype]
    assert pos == len(data), f"{path}: parsed {pos} of {len(data)} bytes"
    return total


def mean_curve(path):
    mean = json.load(open(os.path.join(ROOT, path)))["mean"]
    return [m["bpp"] for m in mean], [m["psnr"] for m in mean]


def pct(value):
    return "no PSNR overlap" if value is None else f"{100 * value:+.1f}%"


def measurements():
    held = json.load(open(os.path.join(ROOT, HELD_OUT)))
    curves = held["curves"]
    hyper = (curves["hyperprior (ours)"]["bpp"], curves["hyperprior (ours)"]["psnr"])
    hcfss = (curves["hcfssnet (ours)"]["bpp"], curves["hcfssnet (ours)"]["psnr"])
    held_bd = both_kinds(hyper, hcfss)
    stored = held["bd_rate"]["hcfssnet (ours)"]["hyperprior (ours)"]
    for kind in held_bd:
        assert abs(held_bd[kind] - stored[kind]) < 1e-12, (kind, held_bd[kind], stored[kind])
    train_bd = both_kinds(mean_curve(f"{TRAIN_IMAGES}/codec-hyperprior.json"), mean_curve(f"{TRAIN_IMAGES}/codec-hcfssnet.json"))
    short_bd = both_kinds(mean_curve(f"{SHORT_LADDER}/codec-hyperprior.json"), mean_curve(f"{SHORT_LADDER}/codec-hcfssnet.json"))
    train_images = json.load(open(os.path.join(ROOT, TRAIN_IMAGES, "codec-hcfssnet.json")))["images"]

    def specs(folder, model):
        return {q: json.load(open(os.path.join(folder, f"{model}-q{q}.json"))) for q in QUALITIES}

    committed = {model: specs(MODELS, model) for model in ("hyperprior", "hcfssnet")}
    short = {model: specs(os.path.join(ROOT, SHORT_LADDER), model) for model in ("hyperprior", "hcfssnet")}
    params = {model: stored_float_elements(os.path.join(MODELS, f"{model}-q3.dat")) for model in ("hyperprior", "hcfssnet")}
    entropy = json.load(open(os.path.join(ROOT, ENTROPY)))
    assert entropy["images"] == held["images"], (entropy["images"], held["images"])
    for label, (anchor, test) in {"HCFSSNet vs hyperprior, both scale": ("scale hyperprior", "scale hcfssnet"),
                                  "HCFSSNet vs hyperprior, both mean-scale": ("mean_scale hyperprior", "mean_scale hcfssnet"),
                                  "hyperprior: mean-scale vs scale": ("scale hyperprior", "mean_scale hyperprior"),
                                  "HCFSSNet: mean-scale vs scale": ("scale hcfssnet", "mean_scale hcfssnet")}.items():
        curves_of = lambda name: (entropy["curves"][name]["bpp"], entropy["curves"][name]["psnr"])
        recomputed = both_kinds(curves_of(anchor), curves_of(test))
        for kind in recomputed:
            assert abs(recomputed[kind] - entropy["bd_rate"][label][kind]) < 1e-12, (label, kind)
    slope = json.load(open(os.path.join(ROOT, STEP_SLOPE)))
    assert slope["images"] == held["images"], (slope["images"], held["images"])
    ablation = json.load(open(os.path.join(ROOT, ABLATION)))
    assert ablation["images"] == held["images"], (ablation["images"], held["images"])
    return {"slope": slope, "ablation": ablation, "held_bd": held_bd, "train_bd": train_bd, "short_bd": short_bd, "held_images": held["images"],
            "train_images": train_images, "committed": committed, "short": short, "params": params,
            "held_curves": (hyper, hcfss), "entropy": entropy}


def pair(bd):
    return f"{pct(bd['pchip'])} / {pct(bd['cubic'])}"


def ablation_verdict(ablation, arm, what):
    """An ablation arm's effect against the seed-1 baseline, read against the baseline's own spread over seeds."""
    effect = ablation["arms"][arm]["bd_rate"]["vs hcfssnet-s1"]
    seeds = [a["bd_rate"]["vs hcfssnet-s1"]["pchip"] for name, a in ablation["arms"].items()
             if re.fullmatch(r"hcfssnet-s\d+", name) and name != "hcfssnet-s1"]
    reach = max(abs(v) for v in seeds)
    where = "inside" if abs(effect["pchip"]) <= reach else ("a gain beyond" if effect["pchip"] < 0 else "a loss beyond")
    return (f"deviates: justified by {ABLATION} ({what}, grown from the committed model so that it starts as exactly it and "
            f"trained {ablation['steps'] - ablation['start']['hcfssnet']['steps']:,} steps beside the baseline: {pair(effect)} "
            f"(PCHIP / cubic) against it, {where} the baseline's other seeds, which lie within {100 * reach:.1f}% of it)")


def steps_verdict(slope):
    """How HCFSSNet's gap to the hyperprior moved along the committed ladder's history."""
    mature = [r for r in slope["states"] if r["shared_psnr_db"] >= 1]
    gaps = [100 * r["bd_rate"]["hcfssnet vs hyperprior"]["pchip"] for r in mature]
    per_thousand = slope["slope_per_1000_steps"]["hcfssnet vs hyperprior"]["pchip"]["last_three"]
    return (f"deviates: justified by {STEP_SLOPE} (along the committed ladder, from the first state whose two curves share "
            f"1 dB of PSNR or more, {mature[0]['mean_steps']:,.0f} steps, to {mature[-1]['mean_steps']:,.0f}, HCFSSNet stays "
            f"{min(gaps):+.1f}% to {max(gaps):+.1f}% (PCHIP) behind the hyperprior, {per_thousand:+.2f} percentage points per "
            "1,000 steps over the last three states: at this width more steps of the same recipe do not close the gap)")


def width_verdict(slope, n, mm, short_n, short_m, short_steps):
    """Whether the ranking flip between the short ladder and the committed one shows at the committed width alone."""
    early = [r for r in slope["states"] if r["shared_psnr_db"] < 1]
    late = [r for r in slope["states"] if r not in early]
    early_text = ", ".join(f"{r['mean_steps']:,.0f} steps {pct(r['bd_rate']['hcfssnet vs hyperprior']['pchip'])} "
                           f"(over {r['shared_psnr_db']:.2f} dB)" for r in early)
    late_text = ", ".join(f"{r['mean_steps']:,.0f} {pct(r['bd_rate']['hcfssnet vs hyperprior']['pchip'])}" for r in late)
    return (f"deviates: justified by {STEP_SLOPE} (the flip shows at N = {n}, M = {mm} alone: HCFSSNet vs hyperprior "
            f"(PCHIP) {early_text} while the curves are immature and share a sliver of PSNR, like the {short_steps}-step ladder's "
            f"at N = {short_n}, M = {short_m}, then {late_text}; so training stage, not width, flips the ranking; equal N, M "
            "keeps the comparison fair; whether HCFSSNet pulls ahead at N = 128, M = 192 trained as long needs a GPU ladder)")



def ranking_text(ebd):
    """Whether the mean-scale entropy model changes which codec is ahead, in words."""
    scale, mean = ebd["HCFSSNet vs hyperprior, both scale"], ebd["HCFSSNet vs hyperprior, both mean-scale"]
    sign = lambda bd: {value > 0 for value in bd.values() if value is not None}
    if sign(scale) == sign(mean) == {True}:
        return "HCFSSNet stays behind under both, so at equal steps the entropy model does not close the gap"
    if sign(scale) == sign(mean) == {False}:
        return "HCFSSNet stays ahead under both"
    return "the ranking depends on the entropy model"


def continuation_drop(entropy):
    """The range over both codecs and qualities of the scale continuation's mean PSNR minus the committed models'."""
    changes = [after - before for model in ("hyperprior", "hcfssnet")
               for before, after in zip(entropy["curves"][f"committed {model}"]["psnr"], entropy["curves"][f"scale {model}"]["psnr"])]
    return f"{min(changes):+.2f}..{max(changes):+.2f}"


def same_across(specs, key):
    values = {json.dumps(spec[key]) for model in specs.values() for spec in model.values()}
    return json.loads(values.pop()) if len(values) == 1 else None


def steps_text(specs):
    """The per-quality step counts, checked equal for both codecs at each quality."""
    per_quality = []
    for q in QUALITIES:
        counts = {specs[model][q]["steps"] for model in specs}
        assert len(counts) == 1, f"q{q}: unequal steps {counts}"
        per_quality.append(counts.pop())
    low, high = min(per_quality), max(per_quality)
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


def rows(m):
    c = m["committed"]
    n, mm, steps = same_across(c, "n"), same_across(c, "m"), steps_text(c)
    batch, patch, lr = same_across(c, "batch_size"), same_across(c, "patch_size"), same_across(c, "learning_rate")
    lambdas = ", ".join(f"q{q}: {c['hcfssnet'][q]['lambda']}" for q in QUALITIES)
    params = m["params"]
    held, train, short = m["held_bd"], m["train_bd"], m["short_bd"]
    short_n, short_m, short_steps = same_across(m["short"], "n"), same_across(m["short"], "m"), steps_text(m["short"])
    entropy = m["entropy"]
    ebd = entropy["bd_rate"]
    return [
        ("CNN branch",
         "CNNs extract local high-frequency structure, beside the VFSS branch (abstract; layer layout not retrievable)",
         "g_a/g_s keep the hyperprior's 5x5 stride-2 conv + GDN/IGDN stack; inside each VFSS block a parallel branch "
         "depthwise 3x3, GELU, 1x1 is summed with the VONSS output and the input (`Hcfss/VfssBlock.cs`)",
         "same (as far as the abstract describes it)"),
        ("VFSS placement and count",
         "VFSS blocks in the transforms (how many and at which strides: not retrievable)",
         "two in g_a (after strides 4 and 8), two in g_s (strides 8 and 4); none at stride 2 (sequence length) or 16 "
         "(`Hcfss/Hcfssnet.cs`)",
         ablation_verdict(m["ablation"], "hcfssnet-vfss-4-8-16", "VFSS blocks also at stride 16")),
        ("VONSS scan directions",
         "scans along horizontal, vertical and diagonal directions, preserving 2-D neighbourhoods",
         "four single-pass orders: rows, columns, diagonal, anti-diagonal (`ScanDirections.All`), summed; a depthwise 3x3 "
         "conv + SiLU before the scans keeps the neighbourhood; no reversed traversals (`Hcfss/Vonss.cs`, `ScanOrder.cs`)",
         "same (the directions named; whether each is also scanned in reverse is not retrievable)"),
        ("selective state space",
         "Mamba-style selective SSM (details not retrievable)",
         f"input-dependent delta, B, C per direction, a = -exp(A_log), skip D; state size 8 by default (`HcfssnetOptions`), step size shared "
         "by heads of `ScanHeadSize` = 16 channels (Mamba-2 style; 1 gives Mamba's per-channel step); chunked exact "
         "scan, tested against a sequential loop (`Hcfss/SelectiveScan.cs`, `HcfssnetTests.Chunked_scan_matches_a_sequential_loop`)",
         ablation_verdict(m["ablation"], "hcfssnet-scan-head-1", "per-channel steps, `ScanHeadSize` = 1")),
        ("AFMM (DCT frequency weighting)",
         "content-adaptive weighting of DCT frequency components for bit allocation",
         "orthonormal 8x8 block DCT per channel, gain = static[c,u,v] x 2 sigmoid(MLP(mean |coef| per channel and "
         "band u+v)), inverse DCT; identity at unit gain (`Hcfss/Afmm.cs`, `HcfssnetTests.Afmm_with_unit_gains_is_the_identity`); "
         "applied at the output of every VFSS block",
         "same (as far as the abstract describes it; window size and gain network are our choices)"),
        ("FSTAM in the hyperprior path",
         "AFMM + Swin-Transformer block for frequency-aware side-information modelling in the entropy model",
         "AFMM then one residual window attention (4x4 windows, 4 heads, relative position bias, no shifted windows) in "
         "h_a only (`Hcfss/FstamBlock.cs`); h_s is the plain hyperprior's, because the decoder re-evaluates h_s in "
         "fixed-order CPU doubles (`DeterministicHyperSynthesis.cs`) that support only conv / transposed conv / ReLU; an "
         "FSTAM in h_s too is an ablation variant (`codec train --fstam-in-hyper-synthesis`) that trains and is measured "
         "by its estimated rate but codes no files",
         ablation_verdict(m["ablation"], "hcfssnet-fstam-hs", "an FSTAM in h_s too, measured by the estimated rate since it "
                          "cannot be decoded bit-exactly")),
        ("channel counts N / M",
         "not retrievable (CompressAI: N, M = 128, 192 at low rates)",
         f"N = {n}, M = {mm} for both committed codecs (`models/codec/*.json`; option defaults 64 / 96); "
         f"stored floating-point parameters at q3: hyperprior {params['hyperprior']:,}, HCFSSNet {params['hcfssnet']:,}",
         width_verdict(m["slope"], n, mm, short_n, short_m, short_steps)),
        ("entropy model",
         "not retrievable: the abstract only says FSTAM reduces redundancy in the entropy model's side information; "
         "whether y is coded mean-scale or with channel/spatial context is not stated",
         "z by a factorised EntropyBottleneck (filters 3,3,3,3, aux-trained quantiles); y by a GaussianConditional "
         "with 64 log-spaced scales 0.11..256, either zero-mean (`entropy_model` scale, the committed models, "
         "`Latent/HyperpriorLatentCodec.cs`) or mean-scale (mean_scale: a 3x3 mean head on the hyper-synthesis trunk, "
         "round(y - mu) coded, means evaluated in fixed-order doubles on both sides, `Latent/MeanScaleLatentCodec.cs`) "
         "for both codecs; no channel-wise or spatial context",
         f"deviates: justified by {ENTROPY} (at {entropy['extra_steps']:,} further steps from the committed models, "
         f"mean-scale vs scale: hyperprior {pct(ebd['hyperprior: mean-scale vs scale']['cubic'])} / "
         f"{pct(ebd['hyperprior: mean-scale vs scale']['pchip'])}, HCFSSNet {pct(ebd['HCFSSNet: mean-scale vs scale']['cubic'])} / "
         f"{pct(ebd['HCFSSNet: mean-scale vs scale']['pchip'])} (cubic / PCHIP); HCFSSNet vs hyperprior "
         f"{pct(ebd['HCFSSNet vs hyperprior, both scale']['cubic'])} / {pct(ebd['HCFSSNet vs hyperprior, both scale']['pchip'])} "
         f"with both scale, {pct(ebd['HCFSSNet vs hyperprior, both mean-scale']['cubic'])} / "
         f"{pct(ebd['HCFSSNet vs hyperprior, both mean-scale']['pchip'])} with both mean-scale: "
         f"{ranking_text(ebd)}; a channel-wise context model: open)"),
        ("quantisation / noise in training",
         "not retrievable (CompressAI: additive U(-1/2, 1/2) noise in training, rounding in evaluation)",
         "y and z + U(-1/2, 1/2) in training; y rounded, z rounded around its medians in evaluation (`LearnedImageCodec.cs`, "
         "`EntropyBottleneck.cs`)",
         "same (CompressAI's convention)"),
        ("loss and lambdas",
         "not retrievable (CompressAI: lambda 255^2 MSE + bpp)",
         f"lambda 255^2 MSE + bpp of both streams; {lambdas} (CompressAI's q2..q5)",
         "same (CompressAI's convention)"),
        ("optimiser / schedule / steps",
         "not retrievable",
         f"Adam {lr} (aux Adam on the quantiles), gradient norm clipped to 1, rate x0.1 after 80% of each run; "
         f"{steps} steps per quality, equal for both codecs at each quality (CPU and GPU rounds, README's codec "
         f"section), the last rounds batch {batch} of {patch}^2 patches",
         steps_verdict(m["slope"])),
        ("training data",
         "not retrievable",
         f"{len(m['train_images'])} images (skimage set and Debian wallpaper photographs, "
         "`experiments/codec/prepare_images.py --debian-photos`), random crops",
         f"deviates: justified by {TRAIN_IMAGES}/ (the gap is measured on the training images themselves: "
         f"{pct(train['cubic'])} cubic / {pct(train['pchip'])} PCHIP, so it is not a generalisation gap)"),
        ("evaluation data and metric",
         "Kodak, Tecnick, CLIC Professional Validation; BD-rate vs VTM (-18.06% / -24.56% / -22.44%)",
         f"{len(m['held_images'])} held-out images ({', '.join(m['held_images'])}); BD-rate (cubic and PCHIP) vs the "
         "hyperprior and vs JPEG, WebP, JPEG 2000, AVIF (VTM is not packaged)",
         f"deviates: justified by {HELD_OUT} (the anchor that matters for the claim, the hyperprior, is measured on the "
         "same images with the same coder); Kodak/Tecnick/CLIC: open (not available offline)"),
        ("determinism of decoding",
         "not discussed in the abstract",
         "bit-exact: integer coding tables stored with the model, h_s evaluated in fixed-order CPU doubles, HCFSSNet "
         "codes at one thread (its matmuls and image-wide means sum in thread-dependent order)",
         "deviates: justified by tests/Workbench.Tests/Models/Codec/ImageCodecTests.cs "
         "(`The_committed_models_write_and_read_the_files_they_wrote_when_committed_at_any_thread_count`); its price is "
         "the FSTAM placement above"),
    ]


def conclusion(m):
    held, train, short = m["held_bd"], m["train_bd"], m["short_bd"]
    c, s = m["committed"], m["short"]
    steps, short_steps = steps_text(c), steps_text(s)
    n, mm, short_n, short_m = same_across(c, "n"), same_across(c, "m"), same_across(s, "n"), same_across(s, "m")
    behind = held["pchip"] > 0 and held["cubic"] > 0
    ahead_short = short["pchip"] < 0 and short["cubic"] < 0
    params = m["params"]
    entropy = m["entropy"]
    ebd = entropy["bd_rate"]
    ratio = params["hcfssnet"] / params["hyperprior"]
    drop = max(m["held_curves"][0][1]) - max(mean_curve(f"{SHORT_LADDER}/codec-hyperprior.json")[1])
    text = [
        "Present: every block the abstract names (a CNN branch, VFSS = VONSS selective scans along horizontal, "
        "vertical and both diagonal directions + DCT-domain AFMM, FSTAM = AFMM + window attention on the side "
        "information). Missing or changed: FSTAM sits in the hyper-analysis only (the hyper-synthesis stays plain for "
        "bit-exact decoding); the committed models code y zero-mean (scale), and a mean-scale entropy model exists "
        "for both codecs (the paper's entropy model is not retrievable; no channel-wise or spatial context); "
        "no shifted windows or reversed scans; channel counts, training data, schedule and length are ours because the "
        "paper's are not retrievable.",
        "",
        f"Measured gap: at equal steps ({steps} per quality, N = {n}, M = {mm}; HCFSSNet has {ratio:.2f}x the "
        f"hyperprior's stored parameters) HCFSSNet is {'behind' if behind else 'not behind'} the scale hyperprior by "
        f"{pct(held['cubic'])} (cubic) / {pct(held['pchip'])} (PCHIP) BD-rate on the held-out images and "
        f"{pct(train['cubic'])} / {pct(train['pchip'])} on its own training images, so the gap is one of fit, not of "
        f"generalisation. In the earlier {short_steps}-step ladder at N = {short_n}, M = {short_m} ({SHORT_LADDER}) "
        f"HCFSSNet was {'ahead' if ahead_short else 'not ahead'}: {pct(short['cubic'])} / {pct(short['pchip'])}. "
        f"That ladder is far from converged (its hyperprior's best mean PSNR is {drop:.2f} dB below the committed one's "
        "on the same images), and "
        "the two runs differ in both width and length. " + history_text(m["slope"]),
        "",
        ablation_text(m["ablation"]),
        "",
        f"Entropy model ({ENTROPY}): both codecs continued {entropy['extra_steps']:,} steps per quality from the committed "
        "models, once with the scale and once with the mean-scale entropy model, so that the extra training and the "
        f"entropy model are separated. Mean-scale against scale: hyperprior {pct(ebd['hyperprior: mean-scale vs scale']['cubic'])} "
        f"/ {pct(ebd['hyperprior: mean-scale vs scale']['pchip'])}, HCFSSNet {pct(ebd['HCFSSNet: mean-scale vs scale']['cubic'])} "
        f"/ {pct(ebd['HCFSSNet: mean-scale vs scale']['pchip'])} (cubic / PCHIP). HCFSSNet against the hyperprior: "
        f"{pct(ebd['HCFSSNet vs hyperprior, both scale']['cubic'])} / {pct(ebd['HCFSSNet vs hyperprior, both scale']['pchip'])} "
        f"with both scale, {pct(ebd['HCFSSNet vs hyperprior, both mean-scale']['cubic'])} / "
        f"{pct(ebd['HCFSSNet vs hyperprior, both mean-scale']['pchip'])} with both mean-scale: {ranking_text(ebd)}. "
        f"The continuation is short and differs from the committed models' last rounds (batch {entropy['training']['scale hcfssnet']['batch_size']} "
        f"of {entropy['training']['scale hcfssnet']['patch_size']}^2 patches against "
        f"{same_across(c, 'batch_size')} of {same_across(c, 'patch_size')}^2, a fresh optimiser): the scale arm alone moves mean "
        f"PSNR by {continuation_drop(entropy)} dB, and the mean head starts at zero, so this measures the entropy model's effect "
        "at equal steps from the committed models, not a converged mean-scale model; a mean-scale ladder trained as long as "
        "the committed one is the run that would settle its full gain.",
    ]
    return "\n".join(text)


def history_text(slope):
    """The committed ladder's history at one width, in words."""
    rows = [f"{r['mean_steps']:,.0f} steps {pct(r['bd_rate']['hcfssnet vs hyperprior']['pchip'])}" for r in slope["states"]]
    per_thousand = slope["slope_per_1000_steps"]["hcfssnet vs hyperprior"]["pchip"]["last_three"]
    return (f"The committed ladder's own history ({STEP_SLOPE}: every committed state of models/codec re-evaluated on the "
            f"held-out images) separates them at the committed width alone: HCFSSNet vs hyperprior (PCHIP) {', '.join(rows)}. "
            "In the early states the two curves share under 1 dB of PSNR, and HCFSSNet is ahead there as in the short "
            "ladder; once they share more it is behind and stays behind "
            f"({per_thousand:+.2f} percentage points per 1,000 steps over the last three states). So training stage, not "
            "width, flips the ranking between the two ladders; whether HCFSSNet pulls ahead at CompressAI's width trained as "
            "long is the GPU ladder at N = 128, M = 192.")


def ablation_text(ablation):
    """The equal-step ablations of the open ingredients, in words."""
    labels = {"hcfssnet-vfss-4-8-16": "VFSS blocks also at stride 16", "hcfssnet-scan-head-1": "per-channel scan steps",
              "hcfssnet-fstam-hs": "an FSTAM in h_s too"}
    effects = "; ".join(f"{label} {pair(ablation['arms'][arm]['bd_rate']['vs hcfssnet-s1'])}" for arm, label in labels.items())
    seeds = ablation["summary"]["hcfssnet seeds vs seed 1"]["pchip"]
    over = ablation["summary"]["hcfssnet vs hyperprior over seeds"]["pchip"]
    start = ablation["summary"]["hcfssnet vs hyperprior at the start"]
    extra = ablation["steps"] - ablation["start"]["hcfssnet"]["steps"]
    return (f"Equal-step ablations ({ABLATION}, experiments/fidelity/hcfssnet_ablation.sh): each ingredient grown into the "
            f"committed variable-rate HCFSSNet (models/codec-variable) so that it starts as exactly that model, then {extra:,} "
            "steps of the models' CPU recipe beside the unchanged HCFSSNet, all measured by the estimated rate on the "
            f"held-out images. Against the unchanged HCFSSNet (PCHIP / cubic): {effects}. The unchanged HCFSSNet's other "
            f"seeds lie at {100 * seeds['mean']:+.1f}% on average from seed 1. HCFSSNet vs the hyperprior continued alike: "
            f"{100 * over['mean']:+.1f}% +- {100 * over['std']:.1f} (PCHIP, {over['n']} seeds), from {pair(start)} at the start. "
            "The effects are those of the ingredients added to a trained model for a short continuation, not of models "
            "trained with them from the start; those are GPU ladders.")


def main():
    m = measurements()
    table = rows(m)
    lines = ["# HCFSSNet fidelity audit (generated by experiments/fidelity/hcfssnet.py)", "",
             "Paper: Pan et al., arXiv 2511.20151, no public code; only the abstract is retrievable, so \"paper\" below "
             "is the abstract and, where it is silent, CompressAI's conventions (REFERENCES.md section 9).", "",
             "| ingredient | paper | ours | verdict |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in table]
    lines += ["", "## Measurements (read from the committed result files)", "",
              "| comparison | source | steps per quality | N, M | PSNR q2..q5, hyperprior / HCFSSNet (dB) | cubic | PCHIP |",
              "|---|---|---|---|---|---|---|"]
    c, s = m["committed"], m["short"]
    held_curves = m["held_curves"]
    train_curves = (mean_curve(f"{TRAIN_IMAGES}/codec-hyperprior.json"), mean_curve(f"{TRAIN_IMAGES}/codec-hcfssnet.json"))
    short_curves = (mean_curve(f"{SHORT_LADDER}/codec-hyperprior.json"), mean_curve(f"{SHORT_LADDER}/codec-hcfssnet.json"))
    psnr_range = lambda curves: " / ".join(f"{min(curve[1]):.2f}..{max(curve[1]):.2f}" for curve in curves)
    for label, source, specs, bd, curves in (("held-out images", HELD_OUT, c, m["held_bd"], held_curves),
                                             ("training images", TRAIN_IMAGES, c, m["train_bd"], train_curves),
                                             ("held-out images, short ladder", SHORT_LADDER, s, m["short_bd"], short_curves)):
        lines.append(f"| HCFSSNet vs hyperprior, {label} | `{source}` | {steps_text(specs)} | "
                     f"{same_across(specs, 'n')}, {same_across(specs, 'm')} | {psnr_range(curves)} | {pct(bd['cubic'])} | {pct(bd['pchip'])} |")
    entropy = m["entropy"]
    for label, key in (("scale", "scale"), ("mean-scale", "mean_scale")):
        bd = entropy["bd_rate"][f"HCFSSNet vs hyperprior, both {label}"]
        curves = [(entropy["curves"][f"{key} {model}"]["bpp"], entropy["curves"][f"{key} {model}"]["psnr"]) for model in ("hyperprior", "hcfssnet")]
        lines.append(f"| HCFSSNet vs hyperprior, held-out images, both {label} | `{ENTROPY}` | {steps_text(c)} + {entropy['extra_steps']:,} | "
                     f"{same_across(c, 'n')}, {same_across(c, 'm')} | {psnr_range(curves)} | {pct(bd['cubic'])} | {pct(bd['pchip'])} |")
    lines += ["", f"Stored floating-point parameters (models/codec/*-q3.dat): hyperprior {m['params']['hyperprior']:,}, "
              f"HCFSSNet {m['params']['hcfssnet']:,}.", "", "## Conclusion", "", conclusion(m), ""]
    text = "\n".join(lines)
    temporary = OUT + ".tmp"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, OUT)
    print(text)


if __name__ == "__main__":
    main()
