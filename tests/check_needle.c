/* Needles: what is read off a pattern, what the scanner finds, and, on
 * the shipped rules and every fixture line, that a rule never matches a
 * line holding none of its needles. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <glob.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/needle.h"
#include "../src/rules.h"

/* The needles of pattern, joined by '|' ("" when it has none).  Static
 * storage, valid until the next call. */
static const char *needles(const char *pattern, bool caseless)
{
	static char out[NEEDLES_MAX * (NEEDLE_MAX + 1) + 1];
	struct needle_set set;
	size_t i;

	needles_of(pattern, strlen(pattern), caseless, &set);
	out[0] = '\0';
	for (i = 0; i < set.n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, set.s[i]);
	}
	return out;
}

START_TEST(test_literal)
{
	ck_assert_str_eq(needles("^Lire aussi", false), "lire aussi");
	ck_assert_str_eq(needles("Suivez-nous$", true), "suivez-nous");
	ck_assert_str_eq(needles("\\(Photo\\)", false), "(photo)");
}
END_TEST

START_TEST(test_alternation)
{
	ck_assert_str_eq(needles("(?:cookies?|traceurs)", true),
			 "cookie|traceurs");
	/* a short alternative can match with no needle */
	ck_assert_str_eq(needles("(?:AP|Reuters)", false), "");
	ck_assert_str_eq(needles("abc|", false), "");
}
END_TEST

START_TEST(test_sequence_keeps_longest)
{
	ck_assert_str_eq(needles("colou?r", false), "colo");
	ck_assert_str_eq(needles("[ab]cde\\d+fghij", false), "fghij");
	ck_assert_str_eq(needles("(?:abc)?defg", false), "defg");
	ck_assert_str_eq(needles("ab{2,}cd", false), "");
	/* a run of more than NEEDLE_MAX bytes keeps its start */
	ck_assert_str_eq(needles("abcdefghijklmnopqrstuvwxyz", false),
			 "abcdefghijklmnopqrstuvwx");
}
END_TEST

START_TEST(test_assertions)
{
	ck_assert_str_eq(needles("^(?=.{0,500}$)(?=.*\\b(?:cookies?|traceurs)"
				 "\\b).*vous", true), "cookie|traceurs");
	ck_assert_str_eq(needles("^(?!Lire aussi).*merci", false), "merci");
	/* an assertion matches no text: the run goes on across it */
	ck_assert_str_eq(needles("ab(?<=b)c", false), "abc");
}
END_TEST

START_TEST(test_caseless_scope)
{
	/* a caseless letter outside ASCII has other spellings */
	ck_assert_str_eq(needles("Économie", true), "conomie");
	ck_assert_str_eq(needles("Économie", false), "Économie");
	ck_assert_str_eq(needles("(?i:É)cole", false), "cole");
	/* (?i) goes on into the next alternatives of its group */
	ck_assert_str_eq(needles("xyz(?i)a|Écolex", false), "xyza|colex");
	ck_assert_str_eq(needles("(?:xyz(?i)a)|Écolex", false),
			 "xyza|Écolex");
}
END_TEST

START_TEST(test_unsure_means_none)
{
	ck_assert_str_eq(needles("(*UTF)abcdef", false), "");
	ck_assert_str_eq(needles("(?x)a b c d", false), "");
	ck_assert_str_eq(needles("\\x41bcdef", false), "");
	ck_assert_str_eq(needles("(abc)\\1defg", false), "");
	ck_assert_str_eq(needles("[abc", false), "");
	ck_assert_str_eq(needles("(abcdef", false), "");
}
END_TEST

START_TEST(test_scan)
{
	struct needles *nd = needles_new();

	ck_assert(needles_add(nd, 0, "cookies?", 8, true));
	ck_assert(needles_add(nd, 2, "Lire aussi|Voir aussi", 21, false));
	ck_assert(!needles_add(nd, 1, "^\\d+$", 5, false));
	needles_scan(nd, "Nous utilisons des COOKIES.", 27);
	ck_assert(needles_seen(nd, 0));
	ck_assert(!needles_seen(nd, 1));
	ck_assert(!needles_seen(nd, 2));
	needles_scan(nd, "A voir aussi", 12);
	ck_assert(!needles_seen(nd, 0));
	ck_assert(needles_seen(nd, 2));
	/* a caseless "k" also matches the Kelvin sign */
	needles_scan(nd, "coo\xE2\x84\xAAie", 9);
	ck_assert(needles_seen(nd, 0));
	needles_scan(nd, "coo", 3);
	ck_assert(!needles_seen(nd, 0));
	ck_assert(!needles_seen(nd, 7));
	needles_free(nd);
}
END_TEST

/* ---- the shipped rules against every fixture line ----------------------- */

struct lines {
	char **v;
	size_t n;
};

static void read_lines(const char *path, struct lines *ls)
{
	FILE *fp = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while ((len = getline(&line, &cap, fp)) >= 0) {
		ls->v = realloc(ls->v, (ls->n + 1) * sizeof(*ls->v));
		ck_assert(ls->v != NULL);
		ls->v[ls->n++] = strndup(line, (size_t)len);
	}
	free(line);
	fclose(fp);
}

/* Does text, folded as the scanner folds it, contain one of set's
 * needles? */
static bool holds_needle(const char *text, const struct needle_set *set)
{
	struct needles *nd = needles_new();
	char src[NEEDLES_MAX * (NEEDLE_MAX * 2 + 1) + 1] = "";
	size_t i, j;
	bool seen;

	for (i = 0; i < set->n; i++) {	/* the needles as one pattern */
		if (i)
			strcat(src, "|");
		for (j = 0; set->s[i][j]; j++) {
			char c[3] = { '\\', set->s[i][j], '\0' };

			strcat(src, strchr("\\^$.|?*+()[]{}", c[1]) ? c : c + 1);
		}
	}
	ck_assert(needles_add(nd, 0, src, strlen(src), false));
	needles_scan(nd, text, strlen(text));
	seen = needles_seen(nd, 0);
	needles_free(nd);
	return seen;
}

START_TEST(test_rules_never_match_without_needle)
{
	struct rule_set *rs = rule_set_new();
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct lines ls = { NULL, 0 };
	glob_t g;
	size_t i, r, tested = 0;

	ck_assert_int_eq(rule_set_load(rs, "rules/default.rules"), 0);
	ck_assert_int_eq(glob("fixtures/*.txt", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++)
		read_lines(g.gl_pathv[i], &ls);
	globfree(&g);
	for (r = 0; r < rule_set_count(rs); r++) {
		struct needle_set set;
		bool caseless;
		const char *src = rule_pattern(rs, (int)r, &caseless);
		pcre2_code *re;
		PCRE2_SIZE off;
		int err;

		needles_of(src, strlen(src), caseless, &set);
		if (set.n == 0)
			continue;
		tested++;
		re = pcre2_compile((PCRE2_SPTR)src, strlen(src), PCRE2_UTF |
				   PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0),
				   &err, &off, NULL);
		ck_assert(re != NULL);
		for (i = 0; i < ls.n; i++)
			if (pcre2_match(re, (PCRE2_SPTR)ls.v[i],
					strlen(ls.v[i]), 0, 0, md, NULL) >= 0)
				ck_assert_msg(holds_needle(ls.v[i], &set),
					      "rule %s matches \"%s\" without "
					      "a needle", rule_name(rs, (int)r),
					      ls.v[i]);
		pcre2_code_free(re);
	}
	/* most shipped rules have needles */
	ck_assert_uint_gt(2 * tested, rule_set_count(rs));
	for (i = 0; i < ls.n; i++)
		free(ls.v[i]);
	free(ls.v);
	pcre2_match_data_free(md);
	rule_set_free(rs);
}
END_TEST

Suite *needle_suite(void)
{
	Suite *s = suite_create("needle");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, test_literal);
	tcase_add_test(tc, test_alternation);
	tcase_add_test(tc, test_sequence_keeps_longest);
	tcase_add_test(tc, test_assertions);
	tcase_add_test(tc, test_caseless_scope);
	tcase_add_test(tc, test_unsure_means_none);
	suite_add_tcase(s, tc);
	tc = tcase_create("scan");
	tcase_add_test(tc, test_scan);
	tcase_add_test(tc, test_rules_never_match_without_needle);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
