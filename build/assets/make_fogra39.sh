#!/bin/sh
# Build assets/icc/kilabel-FOGRA39.icc, a CMYK output profile of the
# FOGRA39 (ISO Coated v2) class, from the FOGRA39L characterization data
# shipped in Debian's icc-profiles-free (zlib licence), with Argyll's colprof.
#
# Needs (Debian 12): apt-get install -y argyll icc-profiles-free
# Built with: argyll 2.3.1+repack-1.1+b1, icc-profiles-free 2.0.1+dfsg-1.1
# Run from anywhere:  sh build/assets/make_fogra39.sh   (about 30-120 s)
#
# Choices: -qm medium quality; -kr ramp black generation (K from 0 at white
# to max at black); -l300 total area coverage limit 300 %; -L100 black
# limit 100 %; -nc do not embed the 1617 measurement sets in the profile.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../assets/icc/kilabel-FOGRA39.icc"
ti3=$(dpkg -L icc-profiles-free | grep '/FOGRA39L\.ti3$')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$ti3" "$tmp/FOGRA39L.ti3"
cd "$tmp"
colprof -v -qm -kr -l300 -L100 -nc \
    -A "kilabel" \
    -M "FOGRA39L (ISO 12647-2:2004/Amd 1, paper type 1/2 coated)" \
    -D "kilabel FOGRA39 (ISO Coated v2 class)" \
    -C "Built from FOGRA39L.ti3 (Fogra, www.fogra.org; icc-profiles-free, Kai-Uwe Behrmann, zlib licence) with ArgyllCMS colprof" \
    -O kilabel-FOGRA39.icc FOGRA39L
# colprof stamps the current time into the ICC header (bytes 24..35) and
# leaves the profile ID zero: fix the date to 2024-01-01 00:00:00 so that the
# file is reproducible byte for byte.
printf '\007\350\000\001\000\001\000\000\000\000\000\000' |
    dd of=kilabel-FOGRA39.icc bs=1 seek=24 conv=notrunc status=none
cp kilabel-FOGRA39.icc "$out"
echo "wrote $out"
