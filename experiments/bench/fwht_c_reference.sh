#!/bin/sh
# Builds and runs the plain C FWHT reference (gcc -O3 -march=native); prints one JSON line per size.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -O3 -march=native -std=c11 -o "$out/fwht_c_reference" "$here/fwht_c_reference.c"
"$out/fwht_c_reference"
