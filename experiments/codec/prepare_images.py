"""Training and evaluation images for the learned codec, from Debian's python3-skimage data (run with /usr/bin/python3).

Writes PNGs to data/generated/codec/train and data/generated/codec/eval (git-ignored). The two sets share no image
and no scene: motorcycle_right is left out of training because motorcycle_left is evaluated.
"""
import os

from PIL import Image
import skimage

SOURCE = os.path.join(os.path.dirname(skimage.__file__), "data")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "generated", "codec")
TRAIN = ["camera.png", "brick.png", "grass.png", "gravel.png", "moon.png", "coins.png", "rocket.jpg",
         "hubble_deep_field.jpg", "retina.jpg"]
EVAL = ["astronaut.png", "coffee.png", "chelsea.png", "motorcycle_left.png", "ihc.png"]

assert not set(TRAIN) & set(EVAL)
for folder, names in (("train", TRAIN), ("eval", EVAL)):
    os.makedirs(os.path.join(ROOT, folder), exist_ok=True)
    for name in names:
        image = Image.open(os.path.join(SOURCE, name)).convert("RGB")
        image.save(os.path.join(ROOT, folder, os.path.splitext(name)[0] + ".png"))
        print(folder, name, image.size)
