#!/bin/sh
# Run the examples of the manual, and check that the manual and the list
# of its examples agree.
#
# usage: sh tests/examples.sh [FILTER]
#
# man/examples.txt holds one shell command a line.  Each runs as
#
#   sh -c 'COMMAND' </dev/null
#
# from the top of the source tree, with a "filter" on PATH that is FILTER
# (./filter by default; it finds the tree's rules/ through its real path),
# FILTER_RULES_DIR unset and TMPDIR set to a fresh empty folder of its
# own.  It must exit with status 0 and write something on its standard
# output.  A trailing comment on the line changes that:
#
#   # status N      the exit status expected is N
#   # no-output     the standard output is not looked at
#   # needs CMD     skip the line when CMD is not installed
#   # skip: REASON  never run the line (it needs files of the user's own)
#
# status, no-output and needs combine: "# status 3 no-output".  Blank
# lines and lines starting with "#" are ignored.  Only the exit status
# and whether there is output are checked, never the text: that is the
# golden tests' job.
#
# Then:
#   - every command shown in man/filter.1 must be a line of
#     man/examples.txt: in the EXAMPLES section every line of a literal
#     display (.Bd -literal or .Dl), elsewhere the literal lines that
#     start with a command such as filter, printf or zcat; in a display
#     with "$ " prompts, only the prompted lines are commands;
#   - every line of man/examples.txt must be shown in man/filter.1 or
#     man/filter-rules.5;
#   - the examples must leave the fixtures they name as they were.
# The manual's text is compared after its escapes (\e, \(aq, \(dq, \&,
# \-) are undone, lines continued with a trailing backslash or pipe are
# joined and runs of white space are made one space.
#
# Prints a line for each failure and ends with "N passed, N failed";
# exits non-zero if anything failed.

set -u

here=$(dirname "$0")
root=$(cd "$here/.." && pwd) || exit 2
. "$here/lib.sh"
filter=$(absolute_filter examples.sh "${1:-./filter}") || exit 2

cd "$root" || exit 2
examples=man/examples.txt
out=tests/out/examples
rm -rf "$out"
mkdir -p "$out" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/filter-examples.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM
mkdir "$work/bin" && ln -s "$filter" "$work/bin/filter" || exit 2
PATH=$work/bin:$PATH
export PATH
unset FILTER_RULES_DIR

passed=0
failed=0
skipped=0
us=$(printf '\037')

# ---- the manual's text, undone into plain commands -------------------------

# Shared by the awk programs below: literal replacement, roff escapes,
# white space.
awk_lib='
function repl(s, from, to,    o, i) {
	o = ""
	while ((i = index(s, from)) > 0) {
		o = o substr(s, 1, i - 1) to
		s = substr(s, i + length(from))
	}
	return o s
}
function unescape(s) {
	s = repl(s, "\\(aq", "\047")
	s = repl(s, "\\(dq", "\"")
	s = repl(s, "\\(ti", "~")
	s = repl(s, "\\(ha", "^")
	s = repl(s, "\\(ga", "`")
	s = repl(s, "\\&", "")
	s = repl(s, "\\-", "-")
	return repl(s, "\\e", "\\")
}
function squeeze(s) {
	gsub(/[ \t]+/, " ", s)
	sub(/^ /, "", s)
	sub(/ $/, "", s)
	return s
}
'

# Write "LINE<TAB>TEXT" for each logical line of each literal display of
# the page on stdin: all of them (mode=all), or the commands (mode=cmd).
extract() {
	awk -v mode="$1" "$awk_lib"'
	BEGIN {
		split("filter zcat cat printf for cp sed iconv parallel " \
		      "python3 find ls mkdir echo env sh awk grep {", w, " ")
		for (k in w)
			cmdword[w[k]] = 1
	}
	function flush(    i, n, j, s, t, at, line, where, prompt) {
		n = 0
		s = ""
		for (i = 1; i <= nb; i++) {
			t = unescape(blk[i])
			if (s == "")
				at = bl[i]
			s = s t
			if (s ~ /\\[ \t]*$/) {		# continued
				sub(/\\[ \t]*$/, " ", s)
				continue
			}
			if (s ~ /(\||&&)[ \t]*$/) {
				s = s " "
				continue
			}
			n++
			line[n] = squeeze(s)
			where[n] = at
			s = ""
		}
		if (s != "") {
			n++
			line[n] = squeeze(s)
			where[n] = at
		}
		prompt = 0
		for (i = 1; i <= n; i++)
			if (line[i] ~ /^\$ /)
				prompt = 1
		for (i = 1; i <= n; i++) {
			t = line[i]
			if (t == "")
				continue
			if (prompt) {
				if (t !~ /^\$ /)
					continue
				t = substr(t, 3)
			} else if (mode == "cmd" && !examples) {
				split(t, j, " ")
				if (!(j[1] in cmdword))
					continue
			}
			print where[i] "\t" t
		}
		nb = 0
	}
	/^\.Sh[ \t]/ {
		sec = $0
		sub(/^\.Sh[ \t]+/, "", sec)
		examples = sec == "EXAMPLES"
		next
	}
	/^\.Bd[ \t].*-literal/ { lit = 1; nb = 0; next }
	/^\.Ed/ { if (lit) flush(); lit = 0; next }
	lit { nb++; blk[nb] = $0; bl[nb] = FNR; next }
	/^\.Dl[ \t]/ {
		nb = 1
		blk[1] = $0
		sub(/^\.Dl[ \t]+/, "", blk[1])
		bl[1] = FNR
		flush()
	}
	'
}

# "LINE<US>STATUS<US>NOOUT<US>NEEDS<US>SKIP<US>COMMAND" for each example.
parse_examples() {
	awk -v us="$us" "$awk_lib"'
	/^[ \t]*$/ || /^#/ { next }
	{
		line = $0
		cmd = line
		st = 0; noout = 0; needs = ""; skip = ""
		# The annotation is what follows the last " # ", if it is one.
		pos = 0
		rest = line
		while ((i = index(rest, " # ")) > 0) {
			pos += i
			rest = substr(rest, i + 1)
		}
		if (pos > 0) {
			ann = squeeze(substr(line, pos + 3))
			nt = split(ann, t, " ")
			ok = nt > 0
			a_st = 0; a_no = 0; a_needs = ""; a_skip = ""
			if (t[1] ~ /^skip:?$/) {
				a_skip = ann
				sub(/^skip:?[ ]*/, "", a_skip)
				if (a_skip == "")
					a_skip = "skipped"
			} else {
				for (k = 1; k <= nt && ok; k++) {
					if (t[k] == "status" && t[k + 1] ~ /^[0-9]+$/)
						a_st = t[++k]
					else if (t[k] == "no-output")
						a_no = 1
					else if (t[k] == "needs" && k < nt)
						a_needs = a_needs " " t[++k]
					else
						ok = 0
				}
			}
			if (ok) {
				cmd = substr(line, 1, pos - 1)
				st = a_st; noout = a_no; needs = a_needs
				skip = a_skip
			}
		}
		print FNR us st us noout us needs us skip us squeeze(cmd)
	}
	' "$examples"
}

if [ ! -r "$examples" ]; then
	echo "examples.sh: $examples: cannot read" >&2
	exit 2
fi
parse_examples >"$work/examples" || exit 2
cut -d "$us" -f 6- <"$work/examples" >"$work/commands"

# ---- running the examples --------------------------------------------------

# The fixtures the examples name (globs included), to check afterwards
# that none was changed.
fixtures=$(awk '{
	s = $0
	while (match(s, /fixtures\/[A-Za-z0-9._*?-]*/)) {
		print substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
	}
}' "$examples" | sort -u)
sum_fixtures() {
	# shellcheck disable=SC2086 # the globs are meant to expand
	for f in $fixtures; do
		[ -f "$f" ] && cksum "$f"
	done
}
sum_fixtures >"$work/fixtures.before"

while IFS=$us read -r lineno want noout needs skip cmd; do
	where="$examples:$lineno"
	if [ -n "$skip" ]; then
		echo "skip $where: $skip"
		skipped=$((skipped + 1))
		continue
	fi
	missing=
	for tool in $needs; do
		command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
	done
	if [ -n "$missing" ]; then
		echo "skip $where: needs$missing"
		skipped=$((skipped + 1))
		continue
	fi

	tmp=$(mktemp -d "$work/tmp.XXXXXX") || exit 2
	TMPDIR=$tmp sh -c "$cmd" >"$out/$lineno.out" 2>"$out/$lineno.err" </dev/null
	status=$?
	rm -rf "$tmp"

	why=
	[ "$status" -eq "$want" ] ||
		why="exit status $status, expected $want"
	if [ "$noout" -eq 0 ] && [ ! -s "$out/$lineno.out" ]; then
		why="$why${why:+; }no output"
	fi
	if [ -z "$why" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $where: $why: $cmd"
		sed -n '1,5s/^/	/p' "$out/$lineno.err"
		failed=$((failed + 1))
	fi
done <"$work/examples"

sum_fixtures >"$work/fixtures.after"
if ! cmp -s "$work/fixtures.before" "$work/fixtures.after"; then
	echo "FAIL the examples changed fixtures they use:"
	diff "$work/fixtures.before" "$work/fixtures.after" | sed -n 's/^[<>] [0-9]* [0-9]* /	/p' | sort -u
	failed=$((failed + 1))
fi

# ---- the manual and the list agree -------------------------------------------

extract cmd <man/filter.1 >"$work/man-commands" || exit 2
{
	extract all <man/filter.1
	extract all <man/filter-rules.5
} >"$work/man-literal" || exit 2

awk -F '\t' -v list="$work/commands" -v ex="$examples" '
BEGIN {
	while ((getline l < list) > 0)
		have[l] = 1
}
!($2 in have) {
	print "FAIL man/filter.1:" $1 ": not in " ex ": " $2
}
' "$work/man-commands" >"$work/drift"

awk -F '\t' -v us="$us" -v ex="$examples" '
FILENAME != ARGV[ARGC - 1] {
	shown[++n] = $2
	next
}
{
	split($0, f, us)
	cmd = f[6]
	for (i = 1; i <= n; i++)
		if (index(shown[i], cmd))
			next
	print "FAIL " ex ":" f[1] ": not in the manual: " cmd
}
' "$work/man-literal" "$work/examples" >>"$work/drift"

if [ -s "$work/drift" ]; then
	cat "$work/drift"
	failed=$((failed + $(wc -l <"$work/drift")))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
