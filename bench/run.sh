#!/bin/sh
# Throughput and memory of the filter against the tools it is measured by.
#
# usage: sh bench/run.sh [FILTER]
#
#   BENCH_MB    size of the stream in megabytes (default 200)
#   BENCH_RUNS  runs of each command; the median counts (default 3)
#
# The stream is fixtures/*.txt and, when ../shared is checked out beside
# the tree, ../shared/corpus/dev/*.txt, one page each, separated by form
# feeds and repeated until it is BENCH_MB long; it is kept in bench/out/
# for the next run.  Every command reads the same file with the default
# rule set:
#   cat            the I/O ceiling
#   grep -c -P     one Perl pattern, one pass over the lines
#   filter         text output
#   filter json    --format=json
# Then the peak resident memory of the filter on the whole stream and on
# a quarter of it: the two should be about the same.  Prints a table;
# never fails, so that a missing tool cannot break a build.

set -u

here=$(dirname "$0")
root=$(cd "$here/.." && pwd) || exit 0
cd "$root" || exit 0
filter=${1:-./filter}
mb=${BENCH_MB:-200}
runs=${BENCH_RUNS:-3}
out=bench/out
mkdir -p "$out" || exit 0
stream=$out/stream.txt
pattern='^(?:Share|Advertisement|Read more)\b'

if [ ! -x "$filter" ]; then
	echo "bench: $filter: not built; skipped"
	exit 0
fi
if ! "$filter" </dev/null >/dev/null 2>"$out/rules.err"; then
	echo "bench: the filter does not start with the default rule set:"
	cat "$out/rules.err"
	exit 0
fi

# ---- the stream ----------------------------------------------------------
want=$((mb * 1000 * 1000))
have=0
[ -f "$stream" ] && have=$(wc -c <"$stream")
if [ "$have" -lt "$want" ] || [ "$have" -gt $((want + 20000000)) ]; then
	echo "bench: building a ${mb} MB stream in $stream"
	: >"$out/cycle.txt"
	for f in fixtures/*.txt ../shared/corpus/dev/*.txt; do
		[ -f "$f" ] || continue
		cat "$f" >>"$out/cycle.txt"
		printf '\f' >>"$out/cycle.txt"
	done
	cycle=$(wc -c <"$out/cycle.txt")
	: >"$stream"
	size=0
	while [ "$size" -lt "$want" ]; do
		cat "$out/cycle.txt" >>"$stream"
		size=$((size + cycle))
	done
	rm -f "$out/cycle.txt"
fi
bytes=$(wc -c <"$stream")
quarter=$out/quarter.txt
head -c $((bytes / 4)) "$stream" >"$quarter"

# ---- timing --------------------------------------------------------------
# Wall time, and CPU time (user + system) where /usr/bin/time is there:
# on a shared machine a busy neighbour stretches the one, not the other.
now() { date +%s.%N; }

# "wall cpu": the medians of $runs runs of the command "$@" on the stream.
# Output goes to a file: GNU grep stops at the first match when it sees
# that its output is /dev/null, and would measure nothing.
median() {
	i=0
	: >"$out/times"
	while [ "$i" -lt "$runs" ]; do
		t0=$(now)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%U %S' -o "$out/time1" "$@" \
				<"$stream" >"$out/cmd.out" 2>>"$out/stderr"
		else
			"$@" <"$stream" >"$out/cmd.out" 2>>"$out/stderr"
			echo "? ?" >"$out/time1"
		fi
		t1=$(now)
		echo "$t0 $t1 $(cat "$out/time1")" |
			awk '{ printf "%.3f %s\n", $2 - $1,
				$3 == "?" ? "?" : sprintf("%.2f", $3 + $4) }' \
			>>"$out/times"
		i=$((i + 1))
	done
	w=$(sort -n "$out/times" |
		awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
	c=$(sort -k2 -n "$out/times" |
		awk '{ t[NR] = $2 } END { print t[int((NR + 1) / 2)] }')
	echo "$w $c"
}

: >"$out/stderr"
set -- $(median cat); w_cat=$1 c_cat=$2
set -- $(median env LC_ALL=C grep -a -c -P "$pattern"); w_grep=$1 c_grep=$2
set -- $(median "$filter"); w_text=$1 c_text=$2
set -- $(median "$filter" --format=json); w_json=$1 c_json=$2

# ---- memory --------------------------------------------------------------
rss() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v "$filter" <"$1" 2>&1 >/dev/null |
			awk -F': ' '/Maximum resident set size/ { print $2 }'
	else
		echo "?"
	fi
}
rss_full=$(rss "$stream")
rss_quarter=$(rss "$quarter")
[ -x /usr/bin/time ] ||
	echo "bench: /usr/bin/time missing (sh tools/deps.sh --all); no memory figures"

# ---- the table -----------------------------------------------------------
rate() {
	echo "$bytes $1" | awk '{ if ($2 == "?") print "?";
		else if ($2 > 0) printf "%.1f", $1 / 1e6 / $2; else print "-" }'
}
row() {
	printf '%-22s %8s %8s %10s %10s\n' "$1" "$2" "$3" "$(rate "$2")" \
		"$(rate "$3")"
}

echo
echo "stream: $stream, $bytes bytes; medians of $runs runs"
printf '%-22s %8s %8s %10s %10s\n' command "wall s" "CPU s" "MB/s wall" \
	"MB/s CPU"
row cat "$w_cat" "$c_cat"
row "grep -c -P (1 pattern)" "$w_grep" "$c_grep"
row filter "$w_text" "$c_text"
row "filter --format=json" "$w_json" "$c_json"
echo "$w_text $w_grep" |
	awk '{ printf "filter/grep (wall): %.4f (target >= 0.50)\n", $2 / $1 }'
echo "peak RSS: ${rss_full} kB on the stream, ${rss_quarter} kB on a" \
	"quarter of it (target < 32768 kB)"
if [ -s "$out/stderr" ]; then
	echo "diagnostics of the runs: $(sort -u "$out/stderr" | wc -l) distinct lines in $out/stderr"
fi
exit 0
