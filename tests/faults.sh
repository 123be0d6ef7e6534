#!/bin/sh
# Fault tests: what the filter does when its surroundings fail it.
#
# usage: sh tests/faults.sh [FILTER]
#
# A full disk, a reader that goes away, an input that cannot be read
# among good ones, an in-place rewrite killed half-way, a page over
# --max-page-bytes.  Work files go to tests/out/faults/.  Ends with
# "N passed, N failed" and exits non-zero if anything failed.

set -u

here=$(dirname "$0")
root=$(cd "$here/.." && pwd) || exit 2
. "$here/lib.sh"
filter=$(absolute_filter faults.sh "${1:-./filter}") || exit 2
cd "$root" || exit 2
out=tests/out/faults
rm -rf "$out"
mkdir -p "$out" || exit 2
LC_ALL=C
export LC_ALL
unset FILTER_RULES_DIR

passed=0
failed=0

ok() {
	passed=$((passed + 1))
}

fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}

# A stream of many pages, big enough that the filter is still writing
# when its reader goes away or it is killed.
big=$out/big.txt
i=0
while [ $i -lt 2000 ]; do
	cat fixtures/article.txt fixtures/article-fr.txt
	printf '\f'
	i=$((i + 1))
done >"$big"

# ---- a full disk: status 3 and a message --------------------------------
if [ -w /dev/full ]; then
	"$filter" fixtures/article.txt >/dev/full 2>"$out/full.err"
	status=$?
	if [ $status -ne 3 ]; then
		fail "/dev/full: exit status $status, expected 3"
	elif ! grep -q '^filter: write error: No space left on device$' \
		"$out/full.err"; then
		fail "/dev/full: no write error message:"
		cat "$out/full.err"
	else
		ok
	fi
else
	echo "skip /dev/full: not available"
fi

# ---- a reader that goes away: no message --------------------------------
# Its exit status is SIGPIPE's, or 3 where SIGPIPE is ignored; either
# way, not a word on standard error.
("$filter" "$big" "$big" "$big" 2>"$out/pipe.err"; echo $? >"$out/pipe.status") |
	head -c1 >/dev/null
if [ -s "$out/pipe.err" ]; then
	fail "closed pipe: said something on standard error:"
	cat "$out/pipe.err"
else
	ok
fi

# ---- a file that cannot be read among good ones: status 3 --------------
mkdir -p "$out/a-folder"
"$filter" fixtures/article.txt "$out/no-such-file" "$out/a-folder" \
	fixtures/article-fr.txt >"$out/unreadable.out" 2>"$out/unreadable.err"
status=$?
"$filter" fixtures/article.txt fixtures/article-fr.txt >"$out/readable.out" \
	2>/dev/null
if [ $status -ne 3 ]; then
	fail "unreadable file: exit status $status, expected 3"
elif ! cmp -s "$out/unreadable.out" "$out/readable.out"; then
	fail "unreadable file: the readable ones were not all filtered"
	diff -u "$out/readable.out" "$out/unreadable.out" | head -20
elif ! grep -q "no-such-file: No such file or directory" \
		"$out/unreadable.err" ||
     ! grep -q "a-folder" "$out/unreadable.err"; then
	fail "unreadable file: a bad input was not named:"
	cat "$out/unreadable.err"
else
	ok
fi

# ---- in-place rewrite killed: old or new content, never a mix ----------
"$filter" "$big" >"$out/big.expected" 2>/dev/null
for delay in 0 0.1 0.3 0.6 1; do
	cp "$big" "$out/victim.txt"
	"$filter" -i "$out/victim.txt" 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if cmp -s "$out/victim.txt" "$big"; then
		ok
	elif cmp -s "$out/victim.txt" "$out/big.expected"; then
		ok
	else
		fail "in-place killed after ${delay}s: the file is neither" \
			"the old nor the new text"
	fi
	rm -f "$out"/.filter-*
done

# ---- a page over --max-page-bytes: passed through, status 1 ------------
"$filter" --max-page-bytes=100 fixtures/article.txt >"$out/max.out" \
	2>"$out/max.err"
status=$?
if [ $status -ne 1 ]; then
	fail "--max-page-bytes: exit status $status, expected 1"
elif ! cmp -s "$out/max.out" fixtures/article.txt; then
	fail "--max-page-bytes: the page was not passed through unchanged"
elif ! grep -q 'larger than 100 bytes; passed through unfiltered' \
		"$out/max.err"; then
	fail "--max-page-bytes: no warning:"
	cat "$out/max.err"
else
	ok
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
