/* Pages as lines: splitting and trimming, Unicode spaces included. */
#include <string.h>

#include "check_suites.h"
#include "../src/doc.h"

static void load(struct doc *d, const char *text)
{
	doc_init(d);
	doc_load(d, text, strlen(text));
}

START_TEST(test_split)
{
	struct doc d;

	load(&d, "one\ntwo\n\nfour\n");
	ck_assert_uint_eq(d.nlines, 4);
	ck_assert_str_eq(d.lines[0].text, "one");
	ck_assert_uint_eq(d.lines[0].len, 3);
	ck_assert_str_eq(d.lines[1].text, "two");
	ck_assert(line_blank(&d.lines[2]));
	ck_assert_str_eq(d.lines[3].text, "four");
	ck_assert_int_eq(d.lines[0].rule, -1);
	ck_assert_int_eq(d.lines[0].verdict, VERDICT_NONE);
	ck_assert_int_eq(d.lang, -1);
	doc_free(&d);
}
END_TEST

START_TEST(test_no_final_newline)
{
	struct doc d;

	load(&d, "one\ntwo");
	ck_assert_uint_eq(d.nlines, 2);
	ck_assert_str_eq(d.lines[1].text, "two");
	doc_free(&d);
}
END_TEST

START_TEST(test_empty)
{
	struct doc d;

	load(&d, "");
	ck_assert_uint_eq(d.nlines, 0);
	doc_load(&d, "\n", 1);
	ck_assert_uint_eq(d.nlines, 1);
	ck_assert(line_blank(&d.lines[0]));
	doc_free(&d);
	doc_free(&d);	/* a freed doc is an empty one */
}
END_TEST

/* The text is copied: the caller's buffer may go. */
START_TEST(test_copied_and_reloaded)
{
	struct doc d;
	char text[] = "first page\nline";

	load(&d, text);
	memset(text, 'x', sizeof(text) - 1);
	ck_assert_str_eq(d.lines[0].text, "first page");
	doc_load(&d, "second\n", 7);
	ck_assert_uint_eq(d.nlines, 1);
	ck_assert_str_eq(d.lines[0].text, "second");
	doc_free(&d);
}
END_TEST

START_TEST(test_trim_ascii)
{
	struct doc d;

	load(&d, "  \t two words \t \n\t\n \x0B\x0C x\r\n");
	ck_assert_str_eq(d.lines[0].text, "two words");
	ck_assert_uint_eq(d.lines[0].len, 9);
	ck_assert(line_blank(&d.lines[1]));
	ck_assert_str_eq(d.lines[2].text, "x");
	doc_free(&d);
}
END_TEST

START_TEST(test_trim_nbsp)
{
	struct doc d;

	load(&d, "\xC2\xA0text\xC2\xA0\n"
		 "\xC2\xA0\xC2\xA0 \xC2\xA0\n"
		 "caf\xC3\xA9\xC2\xA0\n"
		 "a\xC2\xA0" "b\n");
	ck_assert_str_eq(d.lines[0].text, "text");
	ck_assert_uint_eq(d.lines[0].len, 4);
	ck_assert(line_blank(&d.lines[1]));
	ck_assert_str_eq(d.lines[2].text, "caf\xC3\xA9");
	/* Inside a line it stays. */
	ck_assert_str_eq(d.lines[3].text, "a\xC2\xA0" "b");
	doc_free(&d);
}
END_TEST

START_TEST(test_trim_unicode_spaces)
{
	struct doc d;

	load(&d, "\xE2\x80\x83\xE2\x80\x89\xE2\x80\x8B" "em\xE2\x80\xAF\n"
		 "\xE3\x80\x80" "ideographic\xE2\x81\x9F\n"
		 "\xEF\xBB\xBF" "bom\xEF\xBB\xBF\n"
		 "\xE2\x80\x80\xE2\x80\x8A\n");
	ck_assert_str_eq(d.lines[0].text, "em");
	ck_assert_str_eq(d.lines[1].text, "ideographic");
	ck_assert_str_eq(d.lines[2].text, "bom");
	ck_assert(line_blank(&d.lines[3]));
	doc_free(&d);
}
END_TEST

/* Characters whose last bytes look like a space's are not spaces. */
START_TEST(test_trim_keeps_lookalikes)
{
	struct doc d;

	load(&d, "dots\xE2\x80\xA6\n"		/* U+2026 … */
		 "dash\xE2\x80\x94\n"		/* U+2014 — */
		 "\xE2\x80\x9Cquote\xE2\x80\x9D\n"
		 "a\xC2\xA9\n"			/* U+00A9 © */
		 "x\xF0\x9F\x98\x80\n");	/* U+1F600 */
	ck_assert_str_eq(d.lines[0].text, "dots\xE2\x80\xA6");
	ck_assert_str_eq(d.lines[1].text, "dash\xE2\x80\x94");
	ck_assert_str_eq(d.lines[2].text, "\xE2\x80\x9Cquote\xE2\x80\x9D");
	ck_assert_str_eq(d.lines[3].text, "a\xC2\xA9");
	ck_assert_str_eq(d.lines[4].text, "x\xF0\x9F\x98\x80");
	doc_free(&d);
}
END_TEST

START_TEST(test_space_len)
{
	ck_assert_uint_eq(space_len(" x", 2), 1);
	ck_assert_uint_eq(space_len("\t", 1), 1);
	ck_assert_uint_eq(space_len("\xC2\xA0", 2), 2);
	ck_assert_uint_eq(space_len("\xC2", 1), 0);	/* cut short */
	ck_assert_uint_eq(space_len("\xE2\x80\x8B", 3), 3);
	ck_assert_uint_eq(space_len("\xE2\x80\x8C", 3), 0);	/* ZWNJ */
	ck_assert_uint_eq(space_len("\xE2\x80\xAF", 3), 3);
	ck_assert_uint_eq(space_len("\xE3\x80\x80", 3), 3);
	ck_assert_uint_eq(space_len("x", 1), 0);
	ck_assert_uint_eq(space_len("", 0), 0);
}
END_TEST

START_TEST(test_line_trim)
{
	char text[] = "\xC2\xA0 inner  text \xE2\x80\x89";
	struct line l = { .text = text, .len = sizeof(text) - 1 };

	line_trim(&l);
	ck_assert_str_eq(l.text, "inner  text");
	ck_assert_uint_eq(l.len, 11);
}
END_TEST

/* White space at one end only, or none: a line that starts, or ends,
 * with a printable ASCII byte is trimmed at its other end all the same. */
START_TEST(test_line_trim_one_end)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "text \t", "text" }, { "\r text", "text" },
		{ "text\xC2\xA0", "text" }, { "\xE3\x80\x80text", "text" },
		{ "a b~", "a b~" }, { "\x7F", "\x7F" }, { "\xC3\xA9", "\xC3\xA9" },
	};
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char text[32];
		struct line l = { .text = text, .len = strlen(cases[k].in) };

		memcpy(text, cases[k].in, l.len + 1);
		line_trim(&l);
		ck_assert_str_eq(l.text, cases[k].out);
		ck_assert_uint_eq(l.len, strlen(cases[k].out));
	}
}
END_TEST

Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc;

	tc = tcase_create("lines");
	tcase_add_test(tc, test_split);
	tcase_add_test(tc, test_no_final_newline);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_copied_and_reloaded);
	suite_add_tcase(s, tc);

	tc = tcase_create("trim");
	tcase_add_test(tc, test_trim_ascii);
	tcase_add_test(tc, test_line_trim_one_end);
	tcase_add_test(tc, test_trim_nbsp);
	tcase_add_test(tc, test_trim_unicode_spaces);
	tcase_add_test(tc, test_trim_keeps_lookalikes);
	tcase_add_test(tc, test_space_len);
	tcase_add_test(tc, test_line_trim);
	suite_add_tcase(s, tc);
	return s;
}
