#!/bin/sh
# --learn against filtering on about 1 GB of text: time and peak memory.
# The stream repeats the evaluation corpus (../shared/corpus/dev) or the
# fixtures, giving every long line a tag unique to its copy, so that
# article lines stay unique while menus repeat, as in a real dump.
# The filter's rate is taken on the first 100 MB (it is a rate per byte;
# the whole stream would take long), --learn runs on all of it.
# Usage: tools/learn-bench.sh [MEGABYTES]   (default 1024)
set -eu
mb=${1:-1024}
out=bench/out
mkdir -p "$out"
src=../shared/corpus/dev
[ -d "$src" ] || src=fixtures
stream=$out/learn-$mb.txt

if [ ! -s "$stream" ]; then
	ls "$src"/*.txt | grep -v '\.w3m\.txt$' | while read -r f; do
		cat "$f"; printf '\f'
	done > "$out/one-copy.txt"
	awk -v limit=$((mb * 1048576)) '
		BEGIN { RS = "\f"; ORS = "\f"; letters = "abcdefghijklmnopqrstuvwxyz" }
		{ pages[n++] = $0 }
		END {
			for (copy = 0; total < limit; copy++) {
				tag = ""
				for (c = copy; ; c = int(c / 26)) {
					tag = tag substr(letters, c % 26 + 1, 1)
					if (c < 26) break
				}
				for (i = 0; i < n && total < limit; i++) {
					k = split(pages[i], lines, "\n")
					page = ""
					for (j = 1; j <= k; j++)
						page = page lines[j] \
						    (length(lines[j]) > 40 ? " " tag : "") "\n"
					printf "%s", page; printf "\f"
					total += length(page) + 1
				}
			}
		}' "$out/one-copy.txt" > "$stream"
fi
size=$(wc -c < "$stream")
echo "stream: $stream, $size bytes"

head -c 104857600 "$stream" > "$out/learn-prefix.txt"

measure() {	# label, input, command...
	label=$1
	input=$2
	shift 2
	bytes=$(wc -c < "$input")
	/usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" < "$input" > /dev/null
	read -r secs kb < "$out/time.txt"
	awk -v l="$label" -v s="$secs" -v b="$bytes" -v k="$kb" 'BEGIN {
		printf "%-28s %8.1f s %8.1f MB/s %8.1f MB peak RSS\n",
		    l, s, b / 1e6 / s, k / 1024 }'
}
measure "filter (first 100 MB)" "$out/learn-prefix.txt" ./filter
measure "filter --learn" "$stream" ./filter --learn="$out/learned.rules"
measure "filter --learn (16 MiB)" "$stream" ./filter --learn-budget=16777216 \
	--learn="$out/learned-16m.rules"
head -n 6 "$out/learned-16m.rules"
