#!/bin/sh
# The golden tests with the filter under valgrind: any memory error or
# leak fails the fixture (valgrind exits 99, which no fixture expects).
#
# usage: sh tests/valgrind.sh [FILTER [NAME...]]
#
# golden.sh runs whatever executable it is given as "filter"; this writes
# a small wrapper that runs the real one under valgrind.  The fixtures
# named adv-huge-* are left out unless named: 100 MB under valgrind takes
# minutes.  Valgrind's reports go to tests/out/valgrind/.

set -u

here=$(dirname "$0")
root=$(cd "$here/.." && pwd) || exit 2
. "$here/lib.sh"
filter=$(absolute_filter valgrind.sh "${1:-./filter}") || exit 2
[ $# -gt 0 ] && shift
cd "$root" || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (sh tools/deps.sh --all); skipped"
	exit 0
fi

out=$root/tests/out/valgrind
rm -rf "$out"
mkdir -p "$out" || exit 2
wrapper=$out/filter
# valgrind runs the filter by the name "filter", found on the PATH, so
# that its messages start with "filter:" as the fixtures expect.
mkdir -p "$out/real" || exit 2
ln -s "$filter" "$out/real/filter" || exit 2
cat >"$wrapper" <<EOF
#!/bin/sh
PATH="$out/real:\$PATH" exec valgrind -q --leak-check=full \\
	--show-leak-kinds=definite,indirect \\
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99 \\
	--log-file="$out/%p.log" filter "\$@"
EOF
chmod +x "$wrapper"

if [ $# -eq 0 ]; then
	set -- $(for f in fixtures/*.txt fixtures/*.gen; do
		name=${f#fixtures/}
		echo "${name%.*}"
	done | sort -u | grep -v '^adv-huge-')
fi
sh tests/golden.sh "$wrapper" "$@"
status=$?
# Reports of runs that went wrong (a fixture expecting a failure status
# still shows up here if valgrind had something to say).
for log in "$out"/*.log; do
	[ -s "$log" ] || continue
	echo "valgrind: $log:"
	head -40 "$log"
	status=1
done
exit $status
