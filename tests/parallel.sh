#!/bin/sh
# Pages are independent and the output is deterministic: a stream cut at
# page ends by GNU parallel, filtered in parts and joined in order, must
# give the bytes of a single run.  Skipped when parallel is not installed.
# Usage: tests/parallel.sh [FILTER]
set -u
filter=${1:-./filter}
if ! command -v parallel >/dev/null 2>&1; then
	echo "parallel.sh: GNU parallel not installed; skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
out=tests/out/parallel
rm -rf "$out" && mkdir -p "$out"
pass=0
fail=0
# parallel takes --recend literally: '\f' would be two characters.
ff=$(printf '\f')

check() {	# name, single-run output, split-run output
	if cmp -s "$2" "$3"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $1: a split run differs from a single run"
		cmp "$2" "$3" | head -n 3
	fi
}

# A stream of every text fixture, ten times over, pages ended by form
# feeds; the last page has none.
for i in 1 2 3 4 5 6 7 8 9 10; do
	for f in fixtures/seed-*.txt fixtures/article*.txt; do
		cat "$f"
		printf '\f'
	done
done > "$out/stream"
cat fixtures/article.txt >> "$out/stream"

"$filter" < "$out/stream" > "$out/single" 2>/dev/null
jobs=$(parallel --will-cite --pipe --recend "$ff" --block 20k -k wc -c < "$out/stream" |
       wc -l)
if [ "$jobs" -lt 2 ]; then
	echo "FAIL split: the stream went to $jobs job(s), not several"
	fail=$((fail + 1))
fi
parallel --will-cite --pipe --recend "$ff" --block 20k -k "$filter" 2>/dev/null \
	< "$out/stream" > "$out/split"
check pages "$out/single" "$out/split"

"$filter" --format=json < "$out/stream" > "$out/single.json" 2>/dev/null
parallel --will-cite --pipe --recend "$ff" --block 20k -k "$filter" --format=json \
	2>/dev/null < "$out/stream" > "$out/split.json"
check json "$out/single.json" "$out/split.json"

# JSON lines, split anywhere between lines.
for i in 1 2 3 4 5 6 7 8 9 10; do
	cat fixtures/learn-hosts.txt
done > "$out/lines"
"$filter" --jsonl < "$out/lines" > "$out/single.jsonl" 2>/dev/null
parallel --will-cite --pipe --block 10k -k "$filter" --jsonl 2>/dev/null \
	< "$out/lines" > "$out/split.jsonl"
check jsonl "$out/single.jsonl" "$out/split.jsonl"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
