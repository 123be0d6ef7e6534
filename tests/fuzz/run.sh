#!/bin/sh
# Build the libFuzzer harnesses of tests/fuzz/ and run each for a
# bounded time.
#
# usage: sh tests/fuzz/run.sh [build|run] [HARNESS...]
#
#   FUZZ_SECONDS  seconds per harness (default 60)
#   FUZZ_FLAGS    more libFuzzer flags, e.g. -max_len=65536
#
# Everything is built with clang -fsanitize=fuzzer,address,undefined into
# fuzz-build/ at the top of the tree; the corpus each run grows lives
# there too (fuzz-build/corpus-NAME), seeded from tests/fuzz/corpus-NAME.
# A crash leaves fuzz-build/crash-* and makes this script fail; turn it
# into a fixtures/adv-* regression fixture.
set -eu

here=$(dirname "$0")
root=$(cd "$here/../.." && pwd)
cd "$root"

what=${1:-run}
[ $# -gt 0 ] && shift
harnesses=${*:-page rules needle}
seconds=${FUZZ_SECONDS:-60}
out=fuzz-build
CC=${FUZZ_CC:-clang}

if ! command -v "$CC" >/dev/null 2>&1; then
	echo "fuzz: $CC not found (sh tools/deps.sh --all installs it); skipped"
	exit 0
fi

# A null pointer plus zero (pointer-overflow) or passed to memcpy with
# length 0 (nonnull-attribute) is reported once per place
# and the run goes on; every other undefined behaviour stops it.
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined
	-fsanitize-recover=pointer-overflow,nonnull-attribute"
cflags="-std=c11 -D_GNU_SOURCE -O1 -g -fno-omit-frame-pointer $san
	$(pkg-config --cflags libpcre2-8)"
libs=$(pkg-config --libs libpcre2-8)

mkdir -p "$out/obj"
objs=
for src in src/*.c; do
	obj=$out/obj/$(basename "$src" .c).o
	if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] ||
	   [ -n "$(find src -name '*.h' -newer "$obj")" ]; then
		# shellcheck disable=SC2086
		$CC $cflags -fsanitize=fuzzer-no-link -c -o "$obj" "$src"
	fi
	objs="$objs $obj"
done
for h in $harnesses; do
	# shellcheck disable=SC2086
	$CC $cflags -fsanitize=fuzzer -o "$out/fuzz_$h" \
		"tests/fuzz/fuzz_$h.c" $objs $libs
done
[ "$what" = build ] && exit 0

status=0
for h in $harnesses; do
	case $h in
	page) maxlen=65536 ;;
	*) maxlen=4096 ;;
	esac
	mkdir -p "$out/corpus-$h"
	echo "fuzz: fuzz_$h for ${seconds}s (log: $out/fuzz_$h.log)"
	# shellcheck disable=SC2086
	if ! "$out/fuzz_$h" -max_total_time="$seconds" -max_len="$maxlen" \
		-timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/" ${FUZZ_FLAGS:-} \
		"$out/corpus-$h" "tests/fuzz/corpus-$h" \
		>"$out/fuzz_$h.log" 2>&1; then
		echo "fuzz: fuzz_$h FAILED; see $out/fuzz_$h.log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' \
			"$out/fuzz_$h.log" || true
		status=1
	else
		grep -E '^stat::(number_of_executed_units|new_units_added)' \
			"$out/fuzz_$h.log" || true
	fi
	if grep 'runtime error' "$out/fuzz_$h.log"; then
		echo "fuzz: fuzz_$h: undefined behaviour; see $out/fuzz_$h.log"
		status=1
	fi
done
exit $status
