/* Needles: what is read off a pattern, and what the scanner finds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/needle.h"

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

/* filter-rules(5): short words after a sign say more with the sign
 * repeated in each alternative. */
START_TEST(test_sign_in_each_alternative)
{
	ck_assert_str_eq(needles("\\((?:AP|AFP)\\)$", false), "(");
	ck_assert_str_eq(needles("(?:\\(AP|\\(AFP)\\)$", false), "(ap|(afp");
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
	/* of whole characters: a needle is valid UTF-8 */
	ck_assert_str_eq(needles("abcdefghijklmnopqrstuvwÉxyz", false),
			 "abcdefghijklmnopqrstuvw");
}
END_TEST

/* Of the sets a sequence offers, the one fewest lines hold: one word
 * beats a long list of longer ones, a list of words a mark. */
START_TEST(test_sequence_keeps_rarest)
{
	ck_assert_str_eq(needles(".*\\bCookies?\\b.{0,100}\\b(?:Einwilligung|"
				 "einverstanden|Datenschutz|Einstellungen|"
				 "Browser|Website|Webseite|Drittanbieter|"
				 "Zustimmung|Nutzung)\\b", true), "cookie");
	ck_assert_str_eq(needles("(?:Photo|Image|Picture|Illustration)\\s*:",
				 true), "photo|image|picture|illustration");
	ck_assert_str_eq(needles("\\s*\\((?:Photo|Image|Credit)\\s*:?[^()]+\\)$",
				 true), "photo|image|credit");
	/* a needle both alternatives give is kept once */
	ck_assert_str_eq(needles("(?:cookie\\d|\\dcookie)", false), "cookie");
	ck_assert_str_eq(needles("(?:a cookie|b cookie|cookies)", false),
			 "a cookie|b cookie|cookies");
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

/* A mark, one or two characters that are neither letters, digits nor
 * spaces, says as much as a needle of three letters. */
START_TEST(test_marks)
{
	ck_assert_str_eq(needles("\\s*\\((?:AP|AFP)\\)$", false), "(");
	ck_assert_str_eq(needles("^[^©]{1,60}\\s©", false), "©");
	ck_assert_str_eq(needles("\\(c\\)", true), "(c)");
	/* a class of a few characters named one by one is their set */
	ck_assert_str_eq(needles("\\s[«»]\\s", false), "«|»");
	ck_assert_str_eq(needles("x[-/]y", false), "-|/");
	ck_assert_str_eq(needles("d['’]accord", false), "accord");
	ck_assert_str_eq(needles("x[^«»]y", false), "");
	ck_assert_str_eq(needles("x[]|]y", false), "]||");
	/* "[:" starts a POSIX class only before a name and ":]" */
	ck_assert_str_eq(needles("x[[:alpha:]/]y", false), "");
	ck_assert_str_eq(needles("[[:]?$|abcd", false), "");
	ck_assert_str_eq(needles("x[[:]y", false), "[|:");
	ck_assert_str_eq(needles("[\\Q]x\\E]abcd", false), "");
	/* "\c\" is one character: the "]" after it ends the class */
	ck_assert_str_eq(needles("abcd[\\c\\]|]", false), "");
	ck_assert_str_eq(needles("x[!-/]y", false), "");
	ck_assert_str_eq(needles("x[\\d/]y", false), "");
	/* a letter, a digit or a space is no mark */
	ck_assert_str_eq(needles("a\\d+b", false), "");
	ck_assert_str_eq(needles("é\\d", false), "");
	ck_assert_str_eq(needles(" \\d", false), "");
}
END_TEST

START_TEST(test_unsure_means_none)
{
	struct needle_set set;

	/* a NUL in a pattern (a caller's; rule files hold none) */
	needles_of("ab\0cdefg", 8, false, &set);
	ck_assert_uint_eq(set.n, 0);
	ck_assert_str_eq(needles("(*UTF)abcdef", false), "");
	ck_assert_str_eq(needles("(?x)a b c d", false), "");
	ck_assert_str_eq(needles("\\x41bcdef", false), "");
	ck_assert_str_eq(needles("\\N{U+00E9}tude", false), "");
	/* "\E" and comments vanish: the quantifier after them is the
	 * previous atom's */
	ck_assert_str_eq(needles("(abcd)\\E*", false), "");
	ck_assert_str_eq(needles("abcd(?#note)?", false), "");
	/* a non-atomic lookbehind is no named group */
	ck_assert_str_eq(needles("(?<*ab>c)defg", false), "");
	ck_assert_str_eq(needles("(?<name>abc)defg", false), "defg");
	ck_assert_str_eq(needles("(?'name'abcde)fg", false), "abcde");
	ck_assert_str_eq(needles("(abc)\\1defg", false), "");
	ck_assert_str_eq(needles("[abc", false), "");
	ck_assert_str_eq(needles("(abcdef", false), "");
}
END_TEST

/* The bytes a text pattern matches may end with, read off it: "all"
 * when unknown, else the printable ASCII ones in order, then "~" for
 * the spaces \t..\r, then "+" for the bytes 0x80..0xFF (a partial
 * range of either is listed as "?").  Static storage. */
static const char *last(const char *pattern, bool caseless)
{
	static char out[256];
	struct needle_set set;
	size_t n = 0;
	unsigned c, ws = 0, high = 0;

	needles_of(pattern, strlen(pattern), caseless, &set);
	if (byte_set_full(&set.last))
		return "all";
	for (c = 0; c < 256; c++) {
		bool in = set.last.w[c / 64] >> (c % 64) & 1;

		if (c >= 0x20 && c < 0x7F && in)
			out[n++] = (char)c;
		ws += in && c >= '\t' && c <= '\r';
		high += in && c >= 0x80;
		if (in && (c < '\t' || (c > '\r' && c < 0x20) || c == 0x7F))
			out[n++] = '?';
	}
	if (ws)
		out[n++] = ws == 5 ? '~' : '?';
	if (high)
		out[n++] = high == 128 ? '+' : '?';
	out[n] = '\0';
	return out;
}

/* Whether a text ending so may hold a match of pattern. */
static bool may_end(const char *pattern, const char *text)
{
	struct needle_set set;

	needles_of(pattern, strlen(pattern), false, &set);
	return text_may_end(&set.last, text, strlen(text));
}

START_TEST(test_last_char)
{
	ck_assert_str_eq(last("\\s*\\((?:AP|AFP)\\)$", false), ")");
	ck_assert_str_eq(last("(?<=[.!?])\\s*\\(\\p{Lu}+\\)$", true), ")");
	ck_assert_str_eq(last("^Lire aussi :$", true), ":");
	ck_assert_str_eq(last("2024$", true), "4");
	/* a '$' that ends the pattern, or any other of the top level */
	ck_assert_str_eq(last("\\(AP\\)$x", false), ")");
	ck_assert_str_eq(last("\\(AP\\)\\b$", false), ")");
	ck_assert_str_eq(last("\\(AP\\)\\z", false), ")");
	ck_assert_str_eq(last("\\(AP\\)\\Z", false), ")");
	ck_assert_str_eq(last("\\(AP\\)$(?=x)", false), ")");
	/* what may come last before it: optional parts add theirs */
	ck_assert_str_eq(last("\\(AP\\)\\s*$", false), " )~+");
	ck_assert_str_eq(last("\\(AP\\)?$", false), ")P");
	ck_assert_str_eq(last("(?:\\(AP\\))?$", false), "all");
	ck_assert_str_eq(last("x(?:\\(AP\\))?$", false), ")x");
	ck_assert_str_eq(last("\\d\\.\\d\\s*$", false), " 0123456789~+");
	ck_assert_str_eq(last("(?:CC0|CC[ -]BY(?: \\d\\.\\d)?)$", false),
			 "0123456789Y+");
	ck_assert_str_eq(last("[a-c/]$", false), "/abc");
	ck_assert_str_eq(last("[\\/|]+$", false), "/|");
	/* a lookbehind narrows, a lookahead says nothing */
	ck_assert_str_eq(last("(?<=[.!])\\s*$", false), " !.~+");
	ck_assert_str_eq(last("(?<=[.!])(?<=\\.)$", false), ".");
	ck_assert_str_eq(last("(?=[.!])\\s*$", false), "all");
	ck_assert_str_eq(last("(?<![.!])$", false), "all");
	/* every top-level alternative must reach a '$' */
	ck_assert_str_eq(last("\\(AP\\)$|AFP", false), "all");
	ck_assert_str_eq(last("AFP|\\(AP\\)$", false), "all");
	ck_assert_str_eq(last("\\(AP\\)$|AFP$", false), ")P");
	ck_assert_str_eq(last("(?:\\(AP\\)$)", false), "all");
	ck_assert_str_eq(last("\\(AP\\)$?", false), "all");
	/* letters have other spellings (caseless, and the Kelvin sign,
	 * the long s); characters beyond ASCII end with their last byte,
	 * or any caseless */
	ck_assert_str_eq(last("Reuters$", false), "s");
	ck_assert_str_eq(last("Reuters$", true), "Ss+");
	ck_assert_str_eq(last("[a-b]$", true), "ABab+");
	ck_assert_str_eq(last("Reuters»$", false), "?");
	ck_assert_str_eq(last("Reuters»$", true), "all");
	ck_assert_str_eq(last("[»]$", true), "all");
	/* classes that are not a plain list match anything */
	ck_assert_str_eq(last("[[:alpha:]]$", false), "all");
	ck_assert_str_eq(last("[\\x00-\\x41]$", false), "all");
	ck_assert_str_eq(last("\\p{Lu}$", false), "all");
	ck_assert_str_eq(last(".$", false), "all");
	/* but for the ASCII characters they surely leave out */
	ck_assert(!may_end("[^.!?]{1,80}$", "It ends."));
	ck_assert(may_end("[^.!?]{1,80}$", "It ends"));
	ck_assert(may_end("[^.!?]{1,80}$", "It ends »"));
	ck_assert(!may_end("[^\\s.]$", "It ends "));
	ck_assert(!may_end("\\S$", "It ends\t"));
	ck_assert(may_end("\\S$", "It ends\xC2\xA0"));
	ck_assert(!may_end("[^a-c]$", "abc"));
	ck_assert(may_end("[^a-c]$", "abd"));
	ck_assert(!may_end("(?i)[^a-c]$", "abC"));
	ck_assert(!may_end("(?i)[^k]$", "K"));
	ck_assert(may_end("(?i)[^k]$", "\xE2\x84\xAA"));
	/* and for none when unsure which they hold */
	ck_assert(may_end("[^\\p{L}]$", "{L}"));
	ck_assert(may_end("[^\\x41]$", "x41"));
	ck_assert(may_end("[^[:alpha:]]$", "[:]"));
	ck_assert(may_end("[^\\pL]$", "L"));
	/* with "m", '$' may end a line inside the text */
	ck_assert_str_eq(last("(?m)\\(AP\\)$", false), "all");
	ck_assert_str_eq(last("(?m:x)\\(AP\\)$", false), "all");
	ck_assert_str_eq(last("(*CRLF)\\(AP\\)$", false), "all");
	ck_assert_str_eq(last("(?x)\\( AP \\)$", false), "all");
	ck_assert_str_eq(last("(a)\\1$", false), "all");
}
END_TEST

START_TEST(test_may_end)
{
	ck_assert(may_end("\\(AP\\)$", "Text (AP)"));
	ck_assert(!may_end("\\(AP\\)$", "Text (AP)."));
	/* '$' matches before a final newline, and consumes none */
	ck_assert(may_end("\\(AP\\)$", "Text (AP)\n"));
	ck_assert(may_end("\\(AP\\)$\\s", "Text (AP)\n"));
	ck_assert(may_end("\\s$", "Text\n"));
	ck_assert(!may_end("\\(AP\\)$", "Text\n"));
	/* an empty text, and a pattern without '$': not told */
	ck_assert(may_end("\\(AP\\)$", ""));
	ck_assert(may_end("\\(AP\\)", "Text"));
}
END_TEST

/* Give owner the needles of pattern src, as the rule set does. */
static bool add_pattern(struct needles *nd, size_t owner, const char *src,
			size_t len, bool caseless)
{
	struct needle_set set;

	needles_of(src, len, caseless, &set);
	return needles_add(nd, owner, &set);
}

/* The owners whose needles a scan of text finds, as "0 2 3" ("" for
 * none).  Static storage, valid until the next call. */
static const char *found(struct needles *nd, const char *text)
{
	static char out[256];
	const size_t *owners;
	size_t i, n = needles_scan(nd, text, strlen(text), &owners);

	out[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%zu",
			 i ? " " : "", owners[i]);
	return out;
}

START_TEST(test_scan)
{
	struct needles *nd = needles_new();

	ck_assert(add_pattern(nd, 2, "Lire aussi|Voir aussi", 21, false));
	ck_assert(add_pattern(nd, 0, "cookies?", 8, true));
	ck_assert(!add_pattern(nd, 1, "^\\d+$", 5, false));
	ck_assert_str_eq(found(nd, "Nous utilisons des COOKIES."), "0");
	ck_assert_str_eq(found(nd, "A voir aussi"), "2");
	/* in increasing order, each owner once */
	ck_assert_str_eq(found(nd, "Voir aussi : cookies, lire aussi"),
			 "0 2");
	ck_assert_str_eq(found(nd, ""), "");
	/* a caseless "k" also matches the Kelvin sign */
	ck_assert_str_eq(found(nd, "coo\xE2\x84\xAAie"), "0");
	ck_assert_str_eq(found(nd, "coo"), "");
	/* a mark is found where it is, at the end of the text too */
	ck_assert(add_pattern(nd, 3, "\\s*\\((?:AP|AFP)\\)$", 18, false));
	ck_assert_str_eq(found(nd, "Le texte (AFP)"), "3");
	ck_assert_str_eq(found(nd, "Le texte AFP"), "");
	ck_assert_str_eq(found(nd, "("), "3");
	needles_free(nd);
}
END_TEST

/* A needle several owners share is compared once and found for each;
 * one an owner gives twice is found once. */
START_TEST(test_scan_shared)
{
	struct needles *nd = needles_new();

	ck_assert(add_pattern(nd, 4, "cookies", 7, true));
	ck_assert(add_pattern(nd, 1, "Cookies|COOKIES", 15, false));
	ck_assert(add_pattern(nd, 7, "(?:dpa|kna)", 11, false));
	ck_assert(add_pattern(nd, 2, "cookies|dpa", 11, true));
	ck_assert_str_eq(found(nd, "Des cookies"), "1 2 4");
	ck_assert_str_eq(found(nd, "(dpa)"), "2 7");
	ck_assert_str_eq(found(nd, "dp cookie kna"), "7");
	/* the bytes a needle is found by at the very start and end */
	ck_assert_str_eq(found(nd, "kna"), "7");
	ck_assert_str_eq(found(nd, "cookies"), "1 2 4");
	/* a Kelvin sign or long s after needles already found: the scan
	 * starts again on the folded text, and finds each owner once */
	ck_assert_str_eq(found(nd, "dpa cookies \xE2\x84\xAAna"), "1 2 4 7");
	ck_assert_str_eq(found(nd, "cookie\xC5\xBF dpa"), "1 2 4 7");
	needles_free(nd);
}
END_TEST

Suite *needle_suite(void)
{
	Suite *s = suite_create("needle");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, test_literal);
	tcase_add_test(tc, test_alternation);
	tcase_add_test(tc, test_sign_in_each_alternative);
	tcase_add_test(tc, test_sequence_keeps_longest);
	tcase_add_test(tc, test_sequence_keeps_rarest);
	tcase_add_test(tc, test_assertions);
	tcase_add_test(tc, test_caseless_scope);
	tcase_add_test(tc, test_marks);
	tcase_add_test(tc, test_unsure_means_none);
	tcase_add_test(tc, test_last_char);
	tcase_add_test(tc, test_may_end);
	suite_add_tcase(s, tc);
	tc = tcase_create("scan");
	tcase_add_test(tc, test_scan);
	tcase_add_test(tc, test_scan_shared);
	suite_add_tcase(s, tc);
	return s;
}
