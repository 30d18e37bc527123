#!/usr/bin/env bash
# Installs what cmd/preview (ebiten) needs to build and run on Debian: cgo's
# C library headers, the X11/GL/ALSA headers ebiten's GLFW backend links
# against, pkg-config, and Xvfb for running it where no display exists.
# Idempotent: it installs nothing when every package is already there.
# Recommends stay on: xvfb-run needs xauth, which xvfb only recommends.
set -euo pipefail
pkgs=(libc6-dev libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev
	libxrandr-dev libxxf86vm-dev libasound2-dev pkg-config xvfb)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
	exit 0
fi
if ! command -v apt-get >/dev/null; then
	echo "preview-deps: missing ${missing[*]} and no apt-get to install them" >&2
	exit 1
fi
sudo=()
if [[ $(id -u) != 0 ]]; then
	command -v sudo >/dev/null || { echo "preview-deps: run as root to install ${missing[*]}" >&2; exit 1; }
	sudo=(sudo)
fi
echo "preview-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
