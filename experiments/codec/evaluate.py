"""Rate-distortion comparison of the learned codec with classical codecs (run with /usr/bin/python3 from anywhere).

1. Runs `workbench codec evaluate` on data/generated/codec/eval (made by prepare_images.py) for each learned codec with
   checkpoints in models/codec (hyperprior, hcfssnet): rate from the .wbc file size, PSNR and MS-SSIM of the decoded
   image (experiments/results/codec-MODEL.json).
2. Encodes the same images with JPEG, WebP, JPEG 2000 and AVIF: the Debian command-line encoders (cjpeg, cwebp,
   opj_compress, avifenc) when installed, otherwise Pillow's bindings of libjpeg-turbo, libwebp and OpenJPEG; rate from
   the encoded file size, PSNR (RGB, peak 255) of the decoded image.
3. Averages bpp and PSNR over the images per setting and computes BD-rates of each learned codec against each classical
   codec and against the hyperprior (anchors) with numpy.polyfit (cubic) and scipy's PCHIP, as in tests/fixtures/codec/make_bd_rate.py.
Writes experiments/results/codec-rd.json and codec-rd.md. Nothing in them is typed by hand. CODEC_MODELS and
CODEC_RESULTS point it at other checkpoints and another results folder.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, features
from scipy.interpolate import PchipInterpolator

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EVAL = os.path.join(ROOT, "data", "generated", "codec", "eval")
RESULTS = os.environ.get("CODEC_RESULTS", os.path.join(ROOT, "experiments", "results"))
MODELS = os.environ.get("CODEC_MODELS", os.path.join(ROOT, "models", "codec"))
LEARNED = ["hyperprior", "hcfssnet"]
WORKBENCH = os.environ.get("WORKBENCH", "dotnet " + os.path.join(ROOT, "src/Workbench.Cli/bin/Release/net10.0/linux-x64/workbench.dll"))


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


def pillow_codec(fmt, settings, option):
    def encode(image, setting):
        buffer = io.BytesIO()
        image.save(buffer, format=fmt, **option(setting))
        data = buffer.getvalue()
        return len(data), np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    return encode, settings


def cli_codec(encoder, decoder, suffix, args):
    def encode(image, setting):
        with tempfile.TemporaryDirectory() as folder:
            # cjpeg reads no PNG, and opj_compress 2.5's PNG reader loses the image here (14 dB at 0.48 bpp on the
            # astronaut against 32 dB from PPM): both get PPM; cwebp and avifenc get PNG.
            source = "in.ppm" if suffix in (".jpg", ".jp2") else "in.png"
            src, coded, back = (os.path.join(folder, n) for n in (source, "out" + suffix, "back.png"))
            image.save(src)
            subprocess.run([encoder, *args(setting, src, coded)], check=True, capture_output=True)
            if decoder is None:
                decoded = Image.open(coded)
            else:
                subprocess.run([*decoder(coded, back)], check=True, capture_output=True)
                decoded = Image.open(back)
            return os.path.getsize(coded), np.asarray(decoded.convert("RGB"))
    return encode


def classical_codecs():
    codecs = {}
    if shutil.which("cjpeg"):
        codecs["jpeg (cjpeg)"] = (cli_codec("cjpeg", None, ".jpg", lambda q, s, o: ["-quality", str(q), "-outfile", o, s]), [1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 75])
    else:
        codecs["jpeg (Pillow libjpeg)"] = pillow_codec("JPEG", [1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 75], lambda q: {"quality": q})
    if shutil.which("cwebp") and shutil.which("dwebp"):
        codecs["webp (cwebp)"] = (cli_codec("cwebp", lambda c, b: ["dwebp", c, "-o", b], ".webp", lambda q, s, o: ["-q", str(q), s, "-o", o]), [0, 2, 5, 10, 20, 40, 60, 80])
    elif features.check("webp"):
        codecs["webp (Pillow libwebp)"] = pillow_codec("WEBP", [0, 2, 5, 10, 20, 40, 60, 80], lambda q: {"quality": q, "method": 6})
    if shutil.which("opj_compress") and shutil.which("opj_decompress"):
        # -I: the irreversible 9/7 wavelet, the lossy JPEG 2000 configuration (the default 5/3 is the lossless one).
        codecs["jpeg2000 (opj_compress)"] = (cli_codec("opj_compress", lambda c, b: ["opj_decompress", "-i", c, "-o", b], ".jp2", lambda r, s, o: ["-I", "-r", str(r), "-i", s, "-o", o]), [400, 200, 100, 50, 25, 12])
    elif features.check("jpg_2000"):
        codecs["jpeg2000 (Pillow OpenJPEG)"] = pillow_codec("JPEG2000", [400, 200, 100, 50, 25, 12], lambda r: {"quality_mode": "rates", "quality_layers": [r]})
    if shutil.which("avifenc") and shutil.which("avifdec"):
        # avifenc 0.11 (Debian 12) sets quality through the AV1 quantizer range (0 lossless .. 63).
        codecs["avif (avifenc)"] = (cli_codec("avifenc", lambda c, b: ["avifdec", c, b], ".avif", lambda q, s, o: ["--min", str(q), "--max", str(q), s, o]), [62, 56, 50, 44, 38, 30, 22])
    return codecs


def classical_curve(encode, settings, images):
    """Mean bpp and PSNR over the images of data/generated/codec/eval per setting of a classical codec."""
    bpp, quality = [], []
    for setting in settings:
        rates, psnrs = [], []
        for file in images:
            image = Image.open(os.path.join(EVAL, file)).convert("RGB")
            size, decoded = encode(image, setting)
            rates.append(8.0 * size / (image.width * image.height))
            psnrs.append(psnr(np.asarray(image), decoded))
        bpp.append(float(np.mean(rates)))
        quality.append(float(np.mean(psnrs)))
    return bpp, quality


def write_atomic(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def bd_rate(anchor, test, kind):
    lo, hi = max(min(anchor[1]), min(test[1])), min(max(anchor[1]), max(test[1]))
    if hi <= lo:
        return None
    areas = []
    for rates, quality in (anchor, test):
        order = np.argsort(quality)
        q, lr = np.asarray(quality)[order], np.log10(np.asarray(rates))[order]
        if kind == "cubic":
            integral = np.polyint(np.polyfit(q, lr, 3))
            areas.append(np.polyval(integral, hi) - np.polyval(integral, lo))
        else:
            areas.append(float(PchipInterpolator(q, lr).integrate(lo, hi)))
    return float(10 ** ((areas[1] - areas[0]) / (hi - lo)) - 1)


def main():
    os.makedirs(RESULTS, exist_ok=True)
    curves = {}
    for model in (m for m in LEARNED if any(f.startswith(m + "-q") for f in os.listdir(MODELS))):
        learned_json = os.path.join(RESULTS, f"codec-{model}.json")
        subprocess.run(WORKBENCH.split() + ["--threads", "1", "codec", "evaluate", "--models", MODELS, "--model", model, "--images", EVAL,
                                            "--json", learned_json], check=True)
        learned = json.load(open(learned_json))["mean"]
        curves[f"{model} (ours)"] = {"settings": [m["quality"] for m in learned], "bpp": [m["bpp"] for m in learned],
                                     "psnr": [m["psnr"] for m in learned], "ms_ssim": [m["ms_ssim"] for m in learned]}
    ours = list(curves)
    images = sorted(f for f in os.listdir(EVAL) if f.endswith(".png"))
    for name, (encode, settings) in classical_codecs().items():
        bpp, quality = classical_curve(encode, settings, images)
        curves[name] = {"settings": settings, "bpp": bpp, "psnr": quality}
        print(name, [f"{b:.3f}/{p:.2f}" for b, p in zip(bpp, quality)], file=sys.stderr)

    bd = {}
    for test in ours:
        bd[test] = {}
        for name, curve in curves.items():
            if name == test or (name in ours and ours.index(name) > ours.index(test)):
                continue
            if len(curves[test]["bpp"]) < 4:
                bd[test][name] = {"cubic": None, "pchip": None, "note": "fewer than 4 learned-codec qualities"}
                continue
            bd[test][name] = {kind: bd_rate((curve["bpp"], curve["psnr"]), (curves[test]["bpp"], curves[test]["psnr"]), kind)
                              for kind in ("cubic", "pchip")}
    report = {"images": images, "curves": curves, "bd_rate": bd,
              "note": "bpp and PSNR are means over the images per setting; BD-rate over the shared PSNR interval, None where the curves do not overlap"}
    write_atomic(os.path.join(RESULTS, "codec-rd.json"), json.dumps(report, indent=1) + "\n")
    lines = ["# Learned codec vs classical codecs (generated by experiments/codec/evaluate.py)", "",
             f"Images: {', '.join(images)} (mean over images per setting).", "", "| codec | setting | bpp | PSNR (dB) |", "|---|---|---|---|"]
    for name, curve in curves.items():
        for s, b, p in zip(curve["settings"], curve["bpp"], curve["psnr"]):
            lines.append(f"| {name} | {s} | {b:.4f} | {p:.2f} |")
    fmt = lambda v: "no PSNR overlap" if v is None else f"{100 * v:+.1f}%"
    for test, anchors in bd.items():
        lines += ["", f"| BD-rate of {test} vs | cubic | PCHIP |", "|---|---|---|"]
        for name, values in anchors.items():
            lines.append(f"| {name} | {fmt(values.get('cubic'))} | {fmt(values.get('pchip'))} |")
    write_atomic(os.path.join(RESULTS, "codec-rd.md"), "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
