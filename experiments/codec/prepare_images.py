"""Training and evaluation images for the learned codec, from Debian packages (run with /usr/bin/python3).

Writes PNGs to data/generated/codec/train and data/generated/codec/eval (git-ignored). The skimage images come from
python3-skimage; the two sets share no image and no scene: motorcycle_right is left out of training because
motorcycle_left is evaluated. With --debian-photos, colour photographs from Debian wallpaper packages are added to
training (downloaded with apt-get, not installed); none of them shows an evaluated scene.
"""
import argparse
import glob
import os
import subprocess
import tempfile

from PIL import Image
import skimage

SOURCE = os.path.join(os.path.dirname(skimage.__file__), "data")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "generated", "codec")
TRAIN = ["camera.png", "brick.png", "grass.png", "gravel.png", "moon.png", "coins.png", "rocket.jpg",
         "hubble_deep_field.jpg", "retina.jpg"]
EVAL = ["astronaut.png", "coffee.png", "chelsea.png", "motorcycle_left.png", "ihc.png"]
# (package, pinned version so the output bytes never change, path of a photo inside the package, photo names);
# licences from each package's copyright file: CC-BY-4.0 / CC-BY-SA-4.0 / CC0-1.0, GPL-2+, GPL-2+.
DEBIAN_PHOTOS = [
    ("lomiri-wallpapers-16.04", "20.04.0-2", "usr/share/backgrounds/{}.jpg",
     ["Bridge_by_Sander_Klootwijk", "Dragonfly_by_Bolly", "Picture_0B_by_freespace", "Picture_1A_by_freespace",
      "Wine_by_Jakkub_Mede", "aitzgorri_by_Aitzol_Berasategi", "free_by_Peter_Nerlich",
      "friends_by_Aitzol_Berasategi", "life_by_Aitzol_Berasategi", "picosdeeuropa_by_Aitzol_Berasategi",
      "seeding_by_Clements_Engelhardt", "sunset_by_Aitzol_Berasategi"]),
    ("mate-backgrounds", "1.26.0-1", "usr/share/backgrounds/mate/nature/{}.jpg",
     ["Aqua", "Blinds", "Dune", "LadyBird", "RainDrops", "Storm", "YellowFlower"]),
    ("plasma-workspace-wallpapers", "4:5.27.5-2", "usr/share/wallpapers/{}/contents/images/2560x1600.jpg",
     ["ColorfulCups", "EveningGlow", "FallenLeaf", "OneStandsOut", "Path"]),
]
SHORT_SIDE, MAX_LONG_SIDE = 384, 512


def prepare(path):
    """Shorter side to SHORT_SIDE, longer side center-cropped to at most MAX_LONG_SIDE, with a Lanczos filter; the
    sources are at least 2x larger, so the downscaling also removes their JPEG artefacts."""
    image = Image.open(path).convert("RGB")
    width, height = image.size
    scale = SHORT_SIDE / min(width, height)
    crop_width, crop_height = min(width, MAX_LONG_SIDE / scale), min(height, MAX_LONG_SIDE / scale)
    box = ((width - crop_width) / 2, (height - crop_height) / 2, (width + crop_width) / 2, (height + crop_height) / 2)
    return image.resize((round(crop_width * scale), round(crop_height * scale)), Image.LANCZOS, box=box)


def write_debian_photos():
    with tempfile.TemporaryDirectory() as folder:
        for package, version, template, names in DEBIAN_PHOTOS:
            subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=folder, check=True)
            deb, = glob.glob(os.path.join(folder, f"{package}_*.deb"))
            subprocess.run(["dpkg-deb", "-x", deb, os.path.join(folder, package)], check=True)
            print("package", package, version)
            prefix = package.split("-")[0]
            for name in names:
                image = prepare(os.path.join(folder, package, template.format(name)))
                image.save(os.path.join(ROOT, "train", f"{prefix}-{name}.png"))
                print("train", package, template.format(name), image.size)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debian-photos", action="store_true",
                        help="also add photographs from Debian wallpaper packages to training (uses apt-get download)")
    args = parser.parse_args()
    assert not set(TRAIN) & set(EVAL)
    for folder, names in (("train", TRAIN), ("eval", EVAL)):
        os.makedirs(os.path.join(ROOT, folder), exist_ok=True)
        for name in names:
            image = Image.open(os.path.join(SOURCE, name)).convert("RGB")
            image.save(os.path.join(ROOT, folder, os.path.splitext(name)[0] + ".png"))
            print(folder, name, image.size)
    if args.debian_photos:
        write_debian_photos()


main()
