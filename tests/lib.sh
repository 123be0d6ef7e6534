# shellcheck shell=sh
# Sourced by the shell test runners.

# The filter to test, as an absolute path (the runners change folder):
#	filter=$(absolute_filter RUNNER PATH) || exit 2
absolute_filter() {
	case $2 in
	/*) set -- "$1" "$2" ;;
	*) set -- "$1" "$(pwd)/$2" ;;
	esac
	if [ ! -x "$2" ]; then
		echo "$1: $2: not an executable" >&2
		return 1
	fi
	echo "$2"
}
