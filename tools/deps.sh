#!/bin/sh
# Install what building and testing filter needs on Debian, when missing.
# As root it runs apt-get; otherwise it prints the command and fails.
set -eu

need="libpcre2-dev check pkg-config mandoc"
case "${1:-}" in
--all) need="$need valgrind clang libclang-rt-14-dev parallel time" ;;
esac

missing=""
for pkg in $need; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "filter: missing build dependencies:$missing" >&2
	echo "run as root: apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq $missing >/dev/null
