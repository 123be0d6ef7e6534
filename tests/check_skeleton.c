/* Skeletons: what is cut, what is kept, and that PCRE2 never accepts
 * the skeleton of a pattern it rejects. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/skeleton.h"
#include "../src/util.h"

/* The skeleton of pattern, or "WHOLE" when it must be compiled whole.
 * Static storage, valid until the next call. */
static const char *skeleton(const char *pattern)
{
	static char out[256];
	struct buf b = BUF_INIT;
	size_t cut;

	if (!skeleton_of(pattern, strlen(pattern), &b, &cut))
		strcpy(out, "WHOLE");
	else
		snprintf(out, sizeof(out), "%s", b.data);
	buf_free(&b);
	return out;
}

static bool compiles(const char *s, size_t len)
{
	PCRE2_SIZE off;
	int err;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)s, len,
				       PCRE2_UTF | PCRE2_UCP, &err, &off,
				       NULL);

	pcre2_code_free(re);
	return re != NULL;
}

START_TEST(test_runs)
{
	ck_assert_str_eq(skeleton("^Lire aussi\\s*:"), "^L\\s*:");
	/* the last character before a quantifier stays */
	ck_assert_str_eq(skeleton("^Photos?$"), "^Ps?$");
	ck_assert_str_eq(skeleton("colou?r"), "cu?r");
	/* beyond ASCII, whole characters */
	ck_assert_str_eq(skeleton("Beiträge"), "B");
	ck_assert_str_eq(skeleton("été"), "é");
	ck_assert_str_eq(skeleton("ab’cd"), "a");
	/* classes, escapes and their names are kept */
	ck_assert_str_eq(skeleton("[abc]def\\p{Lu}gh\\pLxy"),
			 "[abc]d\\p{Lu}g\\pLx");
	ck_assert_str_eq(skeleton("[[:alpha:]x]yz"), "[[:alpha:]x]y");
	ck_assert_str_eq(skeleton("\\x{e9}abc\\cAbc"), "\\x{e9}a\\cAb");
}
END_TEST

START_TEST(test_alternatives)
{
	/* of the alternatives that are runs alone, the first stays */
	ck_assert_str_eq(skeleton("^(?:Menu|Home|Search\\s*)$"),
			 "^(?:M|S\\s*)$");
	ck_assert_str_eq(skeleton("Privacy|Terms|Legal"), "P");
	ck_assert_str_eq(skeleton("(?:ab|cd\\d)e"), "(?:a|c\\d)e");
}
END_TEST

START_TEST(test_groups)
{
	/* a group of runs alone goes, with its quantifier */
	ck_assert_str_eq(skeleton("(?i:ab|cd)(?-i)ef"), "(?-i)e");
	ck_assert_str_eq(skeleton("Privacy(?: Policy| Notice)?$"), "P$");
	ck_assert_str_eq(skeleton("^(?:Home(?:page)?|Top)$"), "^$");
	ck_assert_str_eq(skeleton("x(?:|ab|cd)*+y"), "xy");
	/* but a capture, whose number counts, stays; and so does one
	 * before a second quantifier, or before a UTF-8 continuation
	 * byte that the byte before it could take */
	ck_assert_str_eq(skeleton("x(ab|cd)y"), "x(a)y");
	ck_assert_str_eq(skeleton("x(?:ab)?*y"), "x(?:a)?*y");
	ck_assert_str_eq(skeleton("\xC3(?:ab)\xA9"), "\xC3(?:a)\xA9");
}
END_TEST

START_TEST(test_kept_whole)
{
	/* a lookbehind's length matters */
	ck_assert_str_eq(skeleton("(?<=ab|c)defg"), "(?<=ab|c)d");
	ck_assert_str_eq(skeleton("(?<!(?:ab|c))de"), "(?<!(?:ab|c))d");
	/* a group repeated by a count: its code is copied */
	ck_assert_str_eq(skeleton("xyz(?:abc|de){2,3}"), "x(?:abc|de){2,3}");
	/* names and numbers after an escape or "(?" */
	ck_assert_str_eq(skeleton("(abc)\\1"), "WHOLE");
	ck_assert_str_eq(skeleton("(?<name>abc)"), "WHOLE");
	ck_assert_str_eq(skeleton("\\Qa.b\\E"), "WHOLE");
	ck_assert_str_eq(skeleton("(*UTF)abc"), "WHOLE");
	ck_assert_str_eq(skeleton("(?x)a b"), "WHOLE");
	ck_assert_str_eq(skeleton("[a[.b.]]"), "WHOLE");
	ck_assert_str_eq(skeleton("abc)"), "WHOLE");
}
END_TEST

/* Patterns made of pieces of syntax at random, valid or not: whenever
 * PCRE2 accepts a skeleton, it accepts the pattern. */
START_TEST(test_never_hides_an_error)
{
	static const char *const pieces[] = {
		"a", "b", "k", "s", " ", ",", "-", "'", ":", "!", "é", "’",
		"\xC3", "\xA9", "\xE2\x80", "\xED\xA0\x80", "\xE0\x80\x80",
		"(", ")", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?i)",
		"(?-i:", "(?<n>", "(?x)", "(*", "[", "]", "[:alpha:]", "[:",
		":]", "^", "$", ".", "|", "*", "+", "?", "{", "}", "{2}",
		"{2,1}", "{,3}", "1", "2", "\\", "\\b", "\\d", "\\p", "{L}",
		"\\p{L}", "\\x", "\\1", "\\Q", "\\E", "\\c", "\\g", "\\K",
		"\\N", "\\o", "ab", "abc", "L", "u", "x", " #", ")?", ")+?",
		")??", "(?:ab)", "(?=a)*", "(a)?",
	};
	unsigned seed = 1;
	int i, j, accepted = 0;

	for (i = 0; i < 20000; i++) {
		char p[256] = "";
		struct buf b = BUF_INIT;
		size_t cut;
		int n;

		seed = seed * 1103515245 + 12345;
		n = 1 + (int)(seed >> 16) % 12;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245 + 12345;
			strcat(p, pieces[(seed >> 16) % ARRAY_LEN(pieces)]);
		}
		if (skeleton_of(p, strlen(p), &b, &cut) &&
		    compiles(b.data, b.len)) {
			accepted++;
			ck_assert_msg(compiles(p, strlen(p)),
				      "skeleton of /%s/ hides its error", p);
			ck_assert_uint_eq(cut, strlen(p) - b.len);
		}
		buf_free(&b);
	}
	ck_assert_int_gt(accepted, 1000);
}
END_TEST

Suite *skeleton_suite(void)
{
	Suite *s = suite_create("skeleton");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_runs);
	tcase_add_test(tc, test_alternatives);
	tcase_add_test(tc, test_groups);
	tcase_add_test(tc, test_kept_whole);
	tcase_add_test(tc, test_never_hides_an_error);
	suite_add_tcase(s, tc);
	return s;
}
