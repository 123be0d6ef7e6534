#!/bin/sh
# Golden tests: run the filter on every fixture and compare what it does
# with what is expected of it.
#
# usage: sh tests/golden.sh [FILTER [NAME...]]
#
# For each fixtures/NAME.txt (or fixtures/NAME.gen, a sh script whose
# standard output is the input, for inputs too big to commit):
#
#   filter $(cat fixtures/NAME.args) < input
#
# and compare
#   standard output  with fixtures/NAME.expected, or let fixtures/NAME.check
#                    (a sh script reading the output on its standard input,
#                    with $GOLDEN_IN naming the input file and $GOLDEN_ERR
#                    the standard error file) judge it;
#   standard error   with fixtures/NAME.err, if present;
#   exit status      with fixtures/NAME.status, if present, else 0.
#
# Scripts run, and arguments are read, from the top of the source tree,
# so fixtures name other fixtures as fixtures/FILE.  The filter runs as
# "filter" under LC_ALL=C, so that messages read the same everywhere.
# Results go to tests/out/golden/.  Ends with "N passed, N failed" and
# exits non-zero if anything failed.

set -u

here=$(dirname "$0")
root=$(cd "$here/.." && pwd) || exit 2
. "$here/lib.sh"
filter=$(absolute_filter golden.sh "${1:-./filter}") || exit 2
[ $# -gt 0 ] && shift

cd "$root" || exit 2
out=tests/out/golden
rm -rf "$out"
mkdir -p "$out/bin" || exit 2
# argv[0] becomes "filter"; the filter still finds the rules/ folder
# beside the real executable through /proc/self/exe.
ln -s "$filter" "$out/bin/filter" || exit 2
PATH=$root/$out/bin:$PATH
LC_ALL=C
export PATH LC_ALL
unset FILTER_RULES_DIR

if [ $# -eq 0 ]; then
	for f in fixtures/*.txt fixtures/*.gen; do
		[ -e "$f" ] || continue
		name=${f#fixtures/}
		name=${name%.*}
		case $f in
		*.gen) [ -e "fixtures/$name.txt" ] && continue ;;
		esac
		echo "$name"
	done | sort >"$out/names"
else
	printf '%s\n' "$@" >"$out/names"
fi

passed=0
failed=0

# Note a reason why the fixture failed; details go to $out/$name.diff.
fail() {
	why="$why${why:+; }$*"
}

while read -r name; do
	why=
	fx=fixtures/$name
	: >"$out/$name.diff"
	if [ -e "$fx.txt" ]; then
		in=$fx.txt
	elif [ -e "$fx.gen" ]; then
		in=$out/$name.in
		if ! sh "$fx.gen" >"$in" </dev/null; then
			echo "FAIL $name: $fx.gen failed"
			failed=$((failed + 1))
			continue
		fi
	else
		echo "FAIL $name: no $fx.txt or $fx.gen"
		failed=$((failed + 1))
		continue
	fi
	args=
	[ -e "$fx.args" ] && args=$(cat "$fx.args")

	set -f
	# shellcheck disable=SC2086
	filter $args <"$in" >"$out/$name.out" 2>"$out/$name.err"
	status=$?
	set +f

	want=0
	[ -e "$fx.status" ] && want=$(cat "$fx.status")
	[ "$status" -eq "$want" ] ||
		fail "exit status $status, expected $want"

	if [ -e "$fx.check" ]; then
		GOLDEN_IN=$in GOLDEN_ERR=$out/$name.err \
			sh "$fx.check" <"$out/$name.out" >>"$out/$name.diff" 2>&1 ||
			fail "$fx.check rejected the output"
	elif [ -e "$fx.expected" ]; then
		cmp -s "$fx.expected" "$out/$name.out" || {
			fail "standard output differs"
			diff -u "$fx.expected" "$out/$name.out" >>"$out/$name.diff"
		}
	else
		fail "no $fx.expected or $fx.check"
	fi

	if [ -e "$fx.err" ]; then
		cmp -s "$fx.err" "$out/$name.err" || {
			fail "standard error differs"
			diff -u "$fx.err" "$out/$name.err" >>"$out/$name.diff"
		}
	fi

	if [ -z "$why" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $name: $why"
		cat "$out/$name.diff"
		failed=$((failed + 1))
	fi
done <"$out/names"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
