/* Rule files: parsing, every error message, and what each action does
 * to a page. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/doc.h"
#include "../src/rules.h"

/* ---- helpers ------------------------------------------------------------ */

/* Load text as the rule file "t.rules"; returns what went to stderr. */
static char *load_string(struct rule_set *rs, const char *text, int *rc)
{
	struct capture cap;

	capture_start(&cap);
	*rc = rule_set_load_string(rs, "t.rules", text);
	return capture_end(&cap);
}

/* Load the rule file at path; returns what went to stderr. */
static char *load_file(struct rule_set *rs, const char *path, int *rc)
{
	struct capture cap;

	capture_start(&cap);
	*rc = rule_set_load(rs, path);
	return capture_end(&cap);
}

/* Loading path into rs must fail with exactly the message want. */
static void assert_file_error(struct rule_set *rs, const char *path,
			      const char *want)
{
	int rc;
	char *err = load_file(rs, path, &rc);

	ck_assert_msg(rc == -1, "accepted: %s", path);
	ck_assert_str_eq(err, want);
	free(err);
}

/* text must be refused with exactly the message want. */
static void assert_error(const char *text, const char *want)
{
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, text, &rc);

	ck_assert_msg(rc == -1, "accepted: %s", text);
	ck_assert_str_eq(err, want);
	free(err);
	rule_set_free(rs);
}

/* Load rules (which must be good) and apply them to page. */
static struct rule_set *apply(const char *rules, const char *page,
			      struct doc *d, size_t *warnings)
{
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, rules, &rc);
	size_t w;

	ck_assert_str_eq(err, "");
	ck_assert_int_eq(rc, 0);
	free(err);
	doc_init(d);
	doc_load(d, page, strlen(page));
	w = rule_set_apply(rs, d);
	if (warnings)
		*warnings = w;
	else
		ck_assert_uint_eq(w, 0);
	return rs;
}

/* Apply rules (which must be good and raise no warning) to page and
 * check the verdicts (see verdicts()). */
static void assert_verdicts(const char *rules, const char *page,
			    const char *want)
{
	struct doc d;
	struct rule_set *rs = apply(rules, page, &d, NULL);

	ck_assert_str_eq(verdicts(&d), want);
	doc_free(&d);
	rule_set_free(rs);
}

/* ---- good files --------------------------------------------------------- */

START_TEST(test_comments_and_blank_lines)
{
	static const char text[] =
		"# Rules for tests.\n"
		"\n"
		"   # an indented comment\n"
		"drop share-links /^Share this$/\n"
		"\t\n"
		"strip ads\t/\\[ad\\]/   \n"
		"section related.links_2 /^Related$/ until=blank # why: menus\n"
		"# the end\n";
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, text, &rc);

	ck_assert_str_eq(err, "");
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(rule_set_count(rs), 3);
	ck_assert_str_eq(rule_name(rs, 0), "share-links");
	ck_assert_str_eq(rule_name(rs, 1), "ads");
	ck_assert_str_eq(rule_name(rs, 2), "related.links_2");
	ck_assert_uint_eq(rule_line(rs, 0), 4);
	ck_assert_uint_eq(rule_line(rs, 1), 6);
	ck_assert_uint_eq(rule_line(rs, 2), 7);
	ck_assert_str_eq(rule_file(rs, 0), "t.rules");
	ck_assert_uint_eq(rule_hits(rs, 0), 0);
	free(err);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_empty_file)
{
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, "", &rc);

	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(rule_set_count(rs), 0);
	free(err);
	rule_set_free(rs);
}
END_TEST

/* No rules: every line is left to the heuristics. */
START_TEST(test_no_rules_applied)
{
	assert_verdicts("", "Title\n\nA line\n", ".-.");
}
END_TEST

START_TEST(test_free_null)
{
	rule_set_free(NULL);
}
END_TEST

/* "include PATH" starts from the including file's folder, at any depth,
 * and the included rules come where the include is. */
START_TEST(test_include_relative)
{
	char *dir = tmpdir_new();
	char *main_path, *a_path, *b_path, *abs_path, abs_line[PATH_MAX + 16];
	struct rule_set *rs = rule_set_new();
	char *err;
	int rc;

	a_path = write_text(dir, "sub/a.rules",
			    "include b.rules\ndrop a-rule /^a$/\n");
	b_path = write_text(dir, "sub/b.rules", "drop b-rule /^b$/\n");
	abs_path = write_text(dir, "abs.rules", "drop abs-rule /^c$/\n");
	snprintf(abs_line, sizeof(abs_line), "include %s\n", abs_path);
	free(write_text(dir, "top.rules", abs_line));
	main_path = write_text(dir, "main.rules",
			       "# top\ninclude sub/a.rules\n"
			       "drop main-rule /^m$/\ninclude top.rules\n");
	err = load_file(rs, main_path, &rc);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(rule_set_count(rs), 4);
	ck_assert_str_eq(rule_name(rs, 0), "b-rule");
	ck_assert_str_eq(rule_file(rs, 0), b_path);
	ck_assert_uint_eq(rule_line(rs, 0), 1);
	ck_assert_str_eq(rule_name(rs, 1), "a-rule");
	ck_assert_str_eq(rule_file(rs, 1), a_path);
	ck_assert_uint_eq(rule_line(rs, 1), 2);
	ck_assert_str_eq(rule_name(rs, 2), "main-rule");
	ck_assert_str_eq(rule_file(rs, 2), main_path);
	ck_assert_uint_eq(rule_line(rs, 2), 3);
	ck_assert_str_eq(rule_name(rs, 3), "abs-rule");
	ck_assert_str_eq(rule_file(rs, 3), abs_path);
	free(err);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(main_path);
	free(a_path);
	free(b_path);
	free(abs_path);
	free(dir);
}
END_TEST

/* Rules given as a string include relative to the current directory. */
START_TEST(test_include_from_string)
{
	char *dir = tmpdir_new(), old[PATH_MAX];
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err;

	free(write_text(dir, "x.rules", "drop x /^x$/\n"));
	ck_assert_ptr_nonnull(getcwd(old, sizeof(old)));
	ck_assert_int_eq(chdir(dir), 0);
	err = load_string(rs, "include x.rules\n", &rc);
	ck_assert_int_eq(chdir(old), 0);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(rule_set_count(rs), 1);
	ck_assert_str_eq(rule_file(rs, 0), "x.rules");
	free(err);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(dir);
}
END_TEST

START_TEST(test_section_options_parse)
{
	static const char text[] =
		"section a /^A$/\n"
		"section b /^B$/ until=blank\n"
		"section c /^C$/ until=3\n"
		"section d /^D$/ until=/^End$/i\n"
		"section e /^E$/ max=2\n"
		"section f /^F$/ max=2 until=/x y/\n"
		"section g /^G$/ until=/ /  max=10\n"
		"section h /^H$/ until=3 while=/^[^.]+$/i max=2\n";
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, text, &rc);

	ck_assert_str_eq(err, "");
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(rule_set_count(rs), 8);
	free(err);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_caseless_flag)
{
	struct doc d;
	struct rule_set *rs = apply("drop hello /^hello/i\ndrop bye /^bye/\n",
				    "HELLO there\nHeLLo\nBYE now\nbye now\n",
				    &d, NULL);

	ck_assert_str_eq(verdicts(&d), "DD.D");
	ck_assert_int_eq(d.lines[1].rule, 0);
	ck_assert_int_eq(d.lines[3].rule, 1);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* Patterns are UTF-8 and match code points, not bytes. */
START_TEST(test_utf8_pattern)
{
	assert_verdicts("drop photo /^©\\s\\w+$/\n"
			"drop caps /^ÉTÉ$/i\n",
			"© Émile\n© 2024 x\nété\n", "D.D");
}
END_TEST

/* ---- errors: one message each, at file:line:column ---------------------- */

START_TEST(test_error_unknown_action)
{
	assert_error("frob x /y/\n",
		     "filter: t.rules:1:1: unknown action 'frob' (expected "
		     "drop, strip, section, tail, head, keep, more or include)\n");
	assert_error("# one\n\n  Drop x /y/\n",
		     "filter: t.rules:3:3: unknown action 'Drop' (expected "
		     "drop, strip, section, tail, head, keep, more or include)\n");
	assert_error("includes x.rules\n",
		     "filter: t.rules:1:1: unknown action 'includes' (expected "
		     "drop, strip, section, tail, head, keep, more or include)\n");
}
END_TEST

START_TEST(test_error_missing_name)
{
	assert_error("drop /x/\n", "filter: t.rules:1:6: missing rule name\n");
	assert_error("drop\n", "filter: t.rules:1:5: missing rule name\n");
	assert_error("keep   \n", "filter: t.rules:1:5: missing rule name\n");
}
END_TEST

START_TEST(test_error_name_char)
{
	assert_error("drop bad:name /x/\n",
		     "filter: t.rules:1:9: invalid character in rule name "
		     "(use letters, digits, '-', '_', '.')\n");
	assert_error("tail é /x/\n",
		     "filter: t.rules:1:6: invalid character in rule name "
		     "(use letters, digits, '-', '_', '.')\n");
}
END_TEST

START_TEST(test_error_duplicate_name)
{
	struct rule_set *rs = rule_set_new();
	int rc;
	char *err = load_string(rs, "drop a /x/\ndrop b /y/\nstrip a /z/\n",
				&rc);

	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err, "filter: t.rules:3:7: rule 'a' already defined "
			 "at t.rules:1\n");
	/* The rules read before the error stay. */
	ck_assert_uint_eq(rule_set_count(rs), 2);
	free(err);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_error_missing_pattern)
{
	assert_error("drop a\n", "filter: t.rules:1:7: missing pattern\n");
	assert_error("drop a   \n", "filter: t.rules:1:7: missing pattern\n");
	assert_error("drop a x/\n",
		     "filter: t.rules:1:8: expected '/' to start a pattern\n");
}
END_TEST

START_TEST(test_error_unterminated_pattern)
{
	assert_error("drop a /abc\n", "filter: t.rules:1:8: unterminated "
		     "pattern: no closing '/'\n");
	/* An escaped slash does not close the pattern. */
	assert_error("drop a /a\\/b\n", "filter: t.rules:1:8: unterminated "
		     "pattern: no closing '/'\n");
	assert_error("section a /x/ until=/abc\n", "filter: t.rules:1:21: "
		     "unterminated pattern: no closing '/'\n");
}
END_TEST

START_TEST(test_error_empty_pattern)
{
	assert_error("drop a //\n", "filter: t.rules:1:8: empty pattern\n");
	assert_error("section a /x/ until=//\n",
		     "filter: t.rules:1:21: empty pattern\n");
}
END_TEST

START_TEST(test_error_unknown_flag)
{
	assert_error("drop a /x/ig\n",
		     "filter: t.rules:1:12: unknown pattern flag 'g'\n");
	assert_error("drop a /x/m\n",
		     "filter: t.rules:1:11: unknown pattern flag 'm'\n");
}
END_TEST

START_TEST(test_error_options_not_section)
{
	assert_error("drop a /x/ max=3\n",
		     "filter: t.rules:1:12: only section rules take options\n");
	assert_error("tail a /x/i until=blank\n",
		     "filter: t.rules:1:13: only section rules take options\n");
	assert_error("keep a /x/ until=/y/\n",
		     "filter: t.rules:1:12: only section rules take options\n");
}
END_TEST

START_TEST(test_error_bad_until)
{
	static const char msg[] = "until= takes 'blank', a number of lines "
				  "or /pattern/\n";
	char want[256];

	snprintf(want, sizeof(want), "filter: t.rules:1:21: %s", msg);
	assert_error("section a /x/ until=never\n", want);
	assert_error("section a /x/ until=0\n", want);
	assert_error("section a /x/ until=3x\n", want);
	assert_error("section a /x/ until=-2\n", want);
	assert_error("section a /x/ until=\n", want);
	assert_error("section a /x/ until=blanks\n", want);
}
END_TEST

START_TEST(test_error_bad_max)
{
	static const char want[] = "filter: t.rules:1:19: max= takes a "
				   "positive number of lines\n";

	assert_error("section a /x/ max=0\n", want);
	assert_error("section a /x/ max=x\n", want);
	assert_error("section a /x/ max=\n", want);
	assert_error("section a /x/ max=-1\n", want);
	assert_error("section a /x/ max=99999999999999999999999\n", want);
	/* the patterns of the options before the bad one are freed (the
	 * leak shows under make check-asan and make valgrind) */
	assert_error("section a /x/ until=/y/ while=/z/ max=0\n",
		     "filter: t.rules:1:39: max= takes a positive number of "
		     "lines\n");
}
END_TEST

START_TEST(test_error_unknown_option)
{
	assert_error("section a /x/ size=3\n",
		     "filter: t.rules:1:15: unknown option 'size=3'\n");
}
END_TEST

/* PCRE2's own message, at the column of the offset it reports. */
START_TEST(test_error_pcre2)
{
	assert_error("drop a /(ab/\n",
		     "filter: t.rules:1:12: missing closing parenthesis\n");
	assert_error("drop a /ab)c/\n",
		     "filter: t.rules:1:11: unmatched closing parenthesis\n");
	assert_error("drop a /[z/\n", "filter: t.rules:1:11: missing "
		     "terminating ] for character class\n");
	assert_error("drop a /x{2,1}/\n", "filter: t.rules:1:14: numbers out "
		     "of order in {} quantifier\n");
	/* In an until= pattern too. */
	assert_error("section a /x/ until=/(/\n",
		     "filter: t.rules:1:23: missing closing parenthesis\n");
	/* Bad UTF-8 in a pattern is PCRE2's to report. */
	assert_error("drop a /caf\xE9/\n", "filter: t.rules:1:12: UTF-8 "
		     "error: 2 bytes missing at end\n");
}
END_TEST

/* The loader checks most patterns through their skeletons (see
 * src/skeleton.h); the errors that hang on a pattern's letters are
 * still reported, at load time, as PCRE2 gives them. */
START_TEST(test_error_pcre2_letters)
{
	struct buf text = BUF_INIT;
	int i;

	assert_error("drop a /Photo (?<=(?:ab|c)d)x/\n", "filter: t.rules:1:15: "
		     "lookbehind assertion is not fixed length\n");
	assert_error("drop b /^(?:abcdefghijklmnopqrstuvwxyz){3000}$/i\n",
		     "filter: t.rules:1:47: regular expression is too large\n");
	/* a list of words too long for PCRE2's code */
	buf_puts(&text, "drop c /(?:");
	for (i = 0; i < 12000; i++)
		buf_puts(&text, "abc|");
	buf_puts(&text, "x)/\n");
	assert_error(text.data, "filter: t.rules:1:9: regular expression is "
		     "too large\n");
	buf_free(&text);
}
END_TEST

START_TEST(test_error_include_name)
{
	assert_error("include\n",
		     "filter: t.rules:1:8: include needs a file name\n");
}
END_TEST

START_TEST(test_error_include_missing)
{
	char *dir = tmpdir_new(), *path, want[PATH_MAX * 2 + 128];
	struct rule_set *rs = rule_set_new();

	path = write_text(dir, "main.rules",
			  "drop a /x/\n  include  missing.rules\n");
	snprintf(want, sizeof(want), "filter: %s:2:12: cannot open "
		 "'%s/missing.rules': No such file or directory\n", path, dir);
	assert_file_error(rs, path, want);
	ck_assert_uint_eq(rule_set_count(rs), 1);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_error_file_missing)
{
	char *dir = tmpdir_new(), path[PATH_MAX], want[PATH_MAX + 64];
	struct rule_set *rs = rule_set_new();

	snprintf(path, sizeof(path), "%s/none.rules", dir);
	snprintf(want, sizeof(want), "filter: %s: No such file or directory\n",
		 path);
	assert_file_error(rs, path, want);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(dir);
}
END_TEST

START_TEST(test_error_include_cycle)
{
	char *dir = tmpdir_new(), *a, *b, want[PATH_MAX + 128];
	struct rule_set *rs = rule_set_new();

	a = write_text(dir, "a.rules", "include b.rules\n");
	b = write_text(dir, "b.rules", "# back to a\ninclude a.rules\n");
	/* Reported once, at the include that closes the cycle. */
	snprintf(want, sizeof(want), "filter: %s:2:9: include cycle: '%s' is "
		 "already being read\n", b, a);
	assert_file_error(rs, a, want);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(a);
	free(b);
	free(dir);
}
END_TEST

/* A cycle through a file that defines a rule before its include is a
 * cycle, reported at the include that closes it, not a duplicate rule. */
START_TEST(test_error_include_cycle_after_rule)
{
	char *dir = tmpdir_new(), *a, *b, want[PATH_MAX + 64];
	struct rule_set *rs = rule_set_new();
	char *err;
	int rc;

	a = write_text(dir, "a.rules", "drop x /x/\ninclude b.rules\n");
	b = write_text(dir, "b.rules", "include a.rules\n");
	err = load_file(rs, a, &rc);
	ck_assert_int_eq(rc, -1);
	snprintf(want, sizeof(want), "filter: %s:1:9: ", b);
	ck_assert_msg(strncmp(err, want, strlen(want)) == 0 &&
		      strstr(err, "cycle") != NULL,
		      "not reported as a cycle at %s:1:9: %s", b, err);
	free(err);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(a);
	free(b);
	free(dir);
}
END_TEST

START_TEST(test_error_nul_byte)
{
	static const char text[] = "drop a /^a$/\ndrop b /x\0y/\n";
	char *dir = tmpdir_new(), *path, want[PATH_MAX + 64];
	struct rule_set *rs = rule_set_new();

	path = write_file(dir, "nul.rules", text, sizeof(text) - 1);
	snprintf(want, sizeof(want), "filter: %s:2:10: NUL byte in rule "
		 "file\n", path);
	assert_file_error(rs, path, want);
	ck_assert_uint_eq(rule_set_count(rs), 1);
	rule_set_free(rs);
	tmpdir_remove(dir);
	free(path);
	free(dir);
}
END_TEST

/* ---- actions ------------------------------------------------------------- */

START_TEST(test_drop)
{
	struct doc d;
	struct rule_set *rs = apply("drop share /^Share this/\n",
				    "Title\nShare this article\nBody text\n"
				    "Share this\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), ".D.D");
	ck_assert_int_eq(d.lines[1].rule, 0);
	ck_assert_int_eq(d.lines[1].reason, REASON_RULE);
	ck_assert_int_eq(d.lines[0].rule, -1);
	ck_assert_uint_eq(rule_hits(rs, 0), 2);
	/* Hits add up over pages. */
	doc_load(&d, "Share this\n", 11);
	ck_assert_uint_eq(rule_set_apply(rs, &d), 0);
	ck_assert_uint_eq(rule_hits(rs, 0), 3);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* A more rule drops its line as a drop rule does, and marks it as a
 * link to more text for the heuristics. */
START_TEST(test_more)
{
	struct doc d;
	struct rule_set *rs = apply("more read /^Read more$/\n",
				    "Title\nA teaser.\nRead more\n", &d,
				    NULL);

	ck_assert_str_eq(verdicts(&d), "..D");
	ck_assert_int_eq(d.lines[2].rule, 0);
	ck_assert_int_eq(d.lines[2].reason, REASON_RULE);
	ck_assert(d.lines[2].more);
	ck_assert(!d.lines[1].more);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_strip)
{
	struct doc d;
	struct rule_set *rs = apply("strip ad /\\s*\\[ad\\]/\n",
				    "one [ad] two [ad] three [ad]\n"
				    "[ad] [ad]\n"
				    "clean line\n", &d, NULL);

	/* Every match goes; the line stays undecided unless emptied. */
	ck_assert_str_eq(d.lines[0].text, "one two three");
	ck_assert_uint_eq(d.lines[0].len, 13);
	ck_assert_int_eq(d.lines[0].verdict, VERDICT_NONE);
	ck_assert_int_eq(d.lines[0].rule, 0);
	ck_assert_str_eq(d.lines[1].text, "");
	ck_assert_int_eq(d.lines[1].verdict, VERDICT_DROP);
	ck_assert_int_eq(d.lines[1].rule, 0);
	ck_assert_int_eq(d.lines[1].reason, REASON_RULE);
	ck_assert_str_eq(d.lines[2].text, "clean line");
	ck_assert_int_eq(d.lines[2].rule, -1);
	ck_assert_uint_eq(rule_hits(rs, 0), 2);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* Later rules see the stripped text; stripping trims what is left. */
START_TEST(test_strip_then_drop)
{
	struct doc d;
	struct rule_set *rs = apply("strip icon /^\\W+/\n"
				    "drop more /^Read more$/\n",
				    "» Read more\n»» Body »\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), "D.");
	ck_assert_int_eq(d.lines[0].rule, 1);
	ck_assert_str_eq(d.lines[1].text, "Body »");
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* Text a strip rule takes out can join the text a later rule looks
 * for: the edited line is looked at afresh. */
START_TEST(test_strip_joins_text)
{
	assert_verdicts("strip ad /\\s*\\[ad\\]/\n"
			"drop promo /Buy now/\n",
			"Buy [ad] now\nBuy it now\n", "D.");
}
END_TEST

/* Lines that start alike are each judged on their whole text. */
START_TEST(test_same_start_lines)
{
	struct doc d;
	struct rule_set *rs = apply("drop a /^Lire aussi/\n"
				    "drop b /^Li.*fin$/\n"
				    "drop c /milieu/\n",
				    "Lire aussi\nLien\nLigne de fin\n"
				    "Li au milieu\nLire\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), "D.DD.");
	ck_assert_int_eq(d.lines[2].rule, 1);
	ck_assert_int_eq(d.lines[3].rule, 2);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* An anchored rule with needles is passed over on lines that start
 * with a byte none of its matches starts with, and tried on the
 * others: the other case of a caseless letter, a caseless "k" as the
 * Kelvin sign, a letter outside ASCII. */
START_TEST(test_anchored_first_byte)
{
	assert_verdicts("drop a /^(?:Home page|About us)$/i\n"
			"drop b /^kontakt$/i\n"
			"drop c /^(?:Économie|Sport) du jour$/\n"
			"drop d /^Pub\\b/i\n",
			"home page\nABOUT US\nxHome page\n"
			"\xE2\x84\xAAontakt\nKONTAKT\n"
			"Économie du jour\nSport du jour\néconomie du jour\n"
			"PUB ici\npub\nLa pub\n",
			"DD.DDDD.DD.");
}
END_TEST

/* An empty match must not loop or eat the line. */
START_TEST(test_strip_empty_match)
{
	struct doc d;
	struct rule_set *rs = apply("strip none /x*/\n", "abc é def\n", &d,
				    NULL);

	ck_assert_str_eq(d.lines[0].text, "abc é def");
	ck_assert_int_eq(d.lines[0].verdict, VERDICT_NONE);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_section_until_blank)
{
	struct doc d;
	struct rule_set *rs = apply("section related /^Related$/\n",
				    "Intro\nRelated\nlink one\nlink two\n\n"
				    "After\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), ".DDD-.");
	ck_assert_int_eq(d.lines[3].rule, 0);
	ck_assert_uint_eq(rule_hits(rs, 0), 3);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* A blank line right under the opening line, as a text browser sets
 * one under a heading, does not end the section: the next one does. */
START_TEST(test_section_until_blank_after_header)
{
	assert_verdicts("section related /^Related$/\n",
			"Intro\nRelated\n\nlink one\nlink two\n\nAfter\n",
			".D-DD-.");
}
END_TEST

START_TEST(test_section_until_lines)
{
	struct doc d;
	struct rule_set *rs = apply("section related /^Related$/ until=2\n",
				    "Related\na\n\nb\nc\n", &d, NULL);

	/* Two lines after the opening one; blank lines do not count. */
	ck_assert_str_eq(verdicts(&d), "DD-D.");
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_section_until_match)
{
	struct doc d;
	struct rule_set *rs = apply("section comments /^Comments$/ "
				    "until=/^end of comments$/i\n",
				    "Text\nComments\nc1\n\nc2\nEND OF COMMENTS\n"
				    "After\n", &d, NULL);

	/* Blank lines do not end it; the closing line goes with it. */
	ck_assert_str_eq(verdicts(&d), ".DD-DD.");
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_section_max)
{
	assert_verdicts("section a /^A$/ until=/^End$/ max=2\n"
			"section b /^B$/ max=1\n",
			"A\n1\n2\n3\nEnd\n\nB\n1\n2\n", "DDD..-DD.");
}
END_TEST

/* while=: the section takes the lines like the ones it holds; the first
 * other line ends it and is left alone, blank lines are not tested. */
START_TEST(test_section_while)
{
	assert_verdicts("section related /^Related$/ until=3 "
			"while=/^[^.]+$/\n",
			"Related\n\nTitle one\nTitle two\n"
			"A sentence.\nTitle three\n\n"
			"Related\nT1\nT2\nT3\nT4\n", "D-DD..-DDDD.");
}
END_TEST

/* A line that opens another section while one is open starts afresh. */
START_TEST(test_section_reopened)
{
	assert_verdicts("section a /^A$/ until=2\n",
			"A\n1\nA\n1\n2\n3\n", "DDDDD.");
}
END_TEST

START_TEST(test_tail)
{
	struct doc d;
	struct rule_set *rs = apply("tail footer /^Comments$/\n",
				    "Body\nComments\nx\n\ny\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), ".DD-D");
	ck_assert_int_eq(d.lines[4].rule, 0);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_head)
{
	struct doc d;
	struct rule_set *rs = apply("head start /^Article begins$/\n",
				    "Menu\nLogin\n\nArticle begins\nBody\n"
				    "Article begins\nMore\n", &d, NULL);

	/* Everything above the first match, the match, and only that. */
	ck_assert_str_eq(verdicts(&d), "DD-D.D.");
	ck_assert_int_eq(d.lines[0].rule, 0);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_keep_protects)
{
	struct doc d;
	struct rule_set *rs = apply("keep quote /^Keep me/\n"
				    "drop ads /^Ad/\n"
				    "section related /^Related$/\n"
				    "tail footer /^Footer$/\n",
				    "Related\nKeep me please\nx\n\nBody\n"
				    "Footer\nKeep me too\ny\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), "DKD-.DKD");
	ck_assert_int_eq(d.lines[1].rule, 0);
	ck_assert_int_eq(d.lines[1].reason, REASON_RULE);
	ck_assert_uint_eq(rule_hits(rs, 0), 2);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

START_TEST(test_keep_and_head)
{
	assert_verdicts("keep k /^Keep/\nhead h /^Start$/\n",
			"Keep this\nMenu\nStart\nBody\n", "KDD.");
}
END_TEST

/* The first rule in file order that matches decides. */
START_TEST(test_rule_order)
{
	struct doc d;
	struct rule_set *rs;

	rs = apply("drop ad /^Ad/\nkeep important /important/\n",
		   "Ad important\nimportant\n", &d, NULL);
	ck_assert_str_eq(verdicts(&d), "DK");
	ck_assert_int_eq(d.lines[0].rule, 0);
	doc_free(&d);
	rule_set_free(rs);

	rs = apply("keep important /important/\ndrop ad /^Ad/\n",
		   "Ad important\nAd\n", &d, NULL);
	ck_assert_str_eq(verdicts(&d), "KD");
	ck_assert_int_eq(d.lines[0].rule, 0);
	ck_assert_int_eq(d.lines[1].rule, 1);
	doc_free(&d);
	rule_set_free(rs);

	rs = apply("drop first /x/\ndrop second /x/\ntail third /x/\n",
		   "x\ny\n", &d, NULL);
	ck_assert_str_eq(verdicts(&d), "D.");
	ck_assert_int_eq(d.lines[0].rule, 0);
	ck_assert_uint_eq(rule_hits(rs, 0), 1);
	ck_assert_uint_eq(rule_hits(rs, 1), 0);
	ck_assert_uint_eq(rule_hits(rs, 2), 0);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* Back references, named groups and verbs: whatever the gate in front
 * of the rules makes of them, their lines still match. */
START_TEST(test_unusual_patterns)
{
	struct doc d;
	struct rule_set *rs = apply("drop twice /^(\\w+) \\1$/\n"
				    "drop named /^(?<w>ab)c$/\n"
				    "drop verb /(*UCP)^\\w+!$/\n"
				    "drop plain /^plain$/\n",
				    "bye bye\nabc\nété!\nplain\nbye hi\n", &d,
				    NULL);

	ck_assert_str_eq(verdicts(&d), "DDDD.");
	ck_assert_int_eq(d.lines[0].rule, 0);
	ck_assert_int_eq(d.lines[1].rule, 1);
	ck_assert_int_eq(d.lines[2].rule, 2);
	ck_assert_int_eq(d.lines[3].rule, 3);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* Subroutine calls, (?1), and recursion, (?R), still match. */
START_TEST(test_subroutine_calls)
{
	struct doc d;
	struct rule_set *rs = apply("drop first /^(q)z/\n"
				    "drop nested /^(a(?1)?b)$/\n"
				    "drop whole /x(?R)?y/\n",
				    "aabb\nxxyy\nqz\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), "DDD");
	ck_assert_int_eq(d.lines[0].rule, 1);
	ck_assert_int_eq(d.lines[1].rule, 2);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* The interpreter, which runs a rule's first tries, reaches the match
 * limit sooner than the JIT: a line the JIT can decide is decided, on
 * the first line as on any later one, with no warning.  (The line needs
 * about 1.2 million steps in the interpreter, 0.8 million in the JIT.) */
START_TEST(test_match_limit_same_on_first_try)
{
	struct doc d;
	struct rule_set *rs = apply("drop names /^(?:(?:Facebook|Twitter|X)"
				    "\\s*[|]?\\s*)+$/i\n",
				    "Facebook       Twitter       Facebook"
				    "        Twitter        Facebook        "
				    "Xing\nFacebook Twitter\n", &d, NULL);

	ck_assert_str_eq(verdicts(&d), ".D");
	ck_assert_int_eq(d.lines[0].reason, REASON_NONE);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

/* A catastrophically backtracking rule gives up at the match limit: the
 * line is kept, one warning names the rule, and it is quick. */
START_TEST(test_match_limit)
{
	static const char page[] =
		"Fine line\n"
		"Another\n"
		/* 28 a, b, a: 30 chars, ending as a match may */
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaba\n"
		"aaaa\n";
	struct rule_set *rs = rule_set_new();
	struct capture cap;
	struct doc d;
	size_t warnings;
	double t0;
	char *err;
	int rc;

	err = load_string(rs, "# evil\ndrop evil /^(a+)+$/\n", &rc);
	ck_assert_int_eq(rc, 0);
	free(err);
	doc_init(&d);
	doc_load(&d, page, sizeof(page) - 1);
	d.source = "page.txt";
	d.page = 2;
	ck_assert_uint_eq(d.lines[2].len, 30);
	t0 = now_seconds();
	capture_start(&cap);
	warnings = rule_set_apply(rs, &d);
	err = capture_end(&cap);
	ck_assert_double_lt(now_seconds() - t0, 2.0);
	ck_assert_uint_eq(warnings, 1);
	ck_assert_str_eq(err, "filter: page.txt: page 2, line 3: rule 'evil' "
			 "(t.rules:2) hit the match limit; line kept\n");
	ck_assert_str_eq(verdicts(&d), "..KD");
	ck_assert_int_eq(d.lines[2].reason, REASON_MATCH_LIMIT);
	ck_assert_int_eq(d.lines[2].rule, 0);
	free(err);
	doc_free(&d);
	rule_set_free(rs);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, test_comments_and_blank_lines);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_no_rules_applied);
	tcase_add_test(tc, test_free_null);
	tcase_add_test(tc, test_include_relative);
	tcase_add_test(tc, test_include_from_string);
	tcase_add_test(tc, test_section_options_parse);
	tcase_add_test(tc, test_caseless_flag);
	tcase_add_test(tc, test_utf8_pattern);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, test_error_unknown_action);
	tcase_add_test(tc, test_error_missing_name);
	tcase_add_test(tc, test_error_name_char);
	tcase_add_test(tc, test_error_duplicate_name);
	tcase_add_test(tc, test_error_missing_pattern);
	tcase_add_test(tc, test_error_unterminated_pattern);
	tcase_add_test(tc, test_error_empty_pattern);
	tcase_add_test(tc, test_error_unknown_flag);
	tcase_add_test(tc, test_error_options_not_section);
	tcase_add_test(tc, test_error_bad_until);
	tcase_add_test(tc, test_error_bad_max);
	tcase_add_test(tc, test_error_unknown_option);
	tcase_add_test(tc, test_error_pcre2);
	tcase_add_test(tc, test_error_pcre2_letters);
	tcase_add_test(tc, test_error_include_name);
	tcase_add_test(tc, test_error_include_missing);
	tcase_add_test(tc, test_error_file_missing);
	tcase_add_test(tc, test_error_include_cycle);
	tcase_add_test(tc, test_error_nul_byte);
	suite_add_tcase(s, tc);

	tc = tcase_create("actions");
	tcase_add_test(tc, test_drop);
	tcase_add_test(tc, test_more);
	tcase_add_test(tc, test_strip);
	tcase_add_test(tc, test_strip_then_drop);
	tcase_add_test(tc, test_strip_empty_match);
	tcase_add_test(tc, test_strip_joins_text);
	tcase_add_test(tc, test_same_start_lines);
	tcase_add_test(tc, test_anchored_first_byte);
	tcase_add_test(tc, test_section_until_blank);
	tcase_add_test(tc, test_section_until_blank_after_header);
	tcase_add_test(tc, test_section_until_lines);
	tcase_add_test(tc, test_section_until_match);
	tcase_add_test(tc, test_section_max);
	tcase_add_test(tc, test_section_while);
	tcase_add_test(tc, test_section_reopened);
	tcase_add_test(tc, test_tail);
	tcase_add_test(tc, test_head);
	tcase_add_test(tc, test_keep_protects);
	tcase_add_test(tc, test_keep_and_head);
	tcase_add_test(tc, test_rule_order);
	tcase_add_test(tc, test_unusual_patterns);
	tcase_add_test(tc, test_match_limit);
	tcase_add_test(tc, test_match_limit_same_on_first_try);
	tcase_add_test(tc, test_error_include_cycle_after_rule);
	tcase_add_test(tc, test_subroutine_calls);
	suite_add_tcase(s, tc);
	return s;
}
