/* What the span and headline passes ask of a line (line.c), and the
 * table of counts they keep (tally.h). */
#include <string.h>

#include "check_suites.h"
#include "../src/classify.h"
#include "../src/doc.h"
#include "../src/line.h"
#include "../src/tally.h"
#include "../src/util.h"

/* A line of text with the features line.c reads: its words and figures
 * as classify would count them. */
static struct line text_line(const char *text, unsigned words,
			     unsigned digits)
{
	struct line l;

	memset(&l, 0, sizeof(l));
	l.text = (char *)text;	/* line.c only reads it */
	l.len = strlen(text);
	l.f.words = words;
	l.f.digits = digits;
	l.rule = -1;
	return l;
}

START_TEST(test_dated)
{
	static const struct {
		const char *text;
		bool dated;
	} cases[] = {
		{ "12.03.2020", true },	{ "Posted 10/10", true },
		{ "at 05:30", true },	{ "In 1998 we", true },
		{ "4512 kcal", false },	{ "53,82 g", false },
		{ "Room 12", false },	{ "20195 people", false },
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		struct line l = text_line(cases[i].text, 2, 4);

		ck_assert_msg(line_dated(&l) == cases[i].dated, "%s",
			      cases[i].text);
	}
}
END_TEST

START_TEST(test_item_number)
{
	struct line step = text_line("3. Check the door", 4, 1);
	struct line tip = text_line("12) Tip", 2, 2);
	struct line date = text_line("28. November 2021", 3, 6);
	struct line bare = text_line("3.", 1, 1);
	struct line year = text_line("2021 was a year", 4, 4);
	size_t len;

	ck_assert_uint_eq(line_item_number(&step), 3);
	ck_assert_uint_eq(line_item_number(&tip), 12);
	ck_assert_uint_eq(line_item_number(&date), 0);
	ck_assert_uint_eq(line_item_number(&bare), 0);
	ck_assert_uint_eq(line_item_number(&year), 0);
	ck_assert_uint_eq(line_leading_number(&year, &len), 202);
	ck_assert_uint_eq(len, 3);	/* three figures at the most */
}
END_TEST

START_TEST(test_beside_and_key)
{
	static const char page[] = "One two\n\n\nthree\nOne, two...\n";
	struct classifier *c = classifier_new();
	struct doc d;
	size_t i;

	doc_init(&d);
	doc_load(&d, page, strlen(page));
	classify_doc(c, &d);
	ck_assert_uint_eq(line_beside(&d, 0, 1), 3);
	ck_assert_uint_eq(line_beside(&d, 3, -1), 0);
	ck_assert_uint_eq(line_beside(&d, 0, -1), SIZE_MAX);
	ck_assert_uint_eq(line_beside(&d, 4, 1), SIZE_MAX);
	/* Punctuation is no word: a teaser cut with "..." keys alike. */
	ck_assert(line_key(&d, &d.lines[0]) == line_key(&d, &d.lines[4]));
	ck_assert(line_key(&d, &d.lines[0]) != line_key(&d, &d.lines[3]));
	/* classify kept every line's key, a blank line's too */
	for (i = 0; i < d.nlines; i++)
		ck_assert(d.lines[i].key == line_key(&d, &d.lines[i]));
	doc_free(&d);
	classifier_free(c);
}
END_TEST

START_TEST(test_drop_keeps_rule_reason)
{
	struct line l = text_line("Share", 1, 0);

	l.role = ROLE_BODY;
	line_drop(&l, REASON_GAP);
	ck_assert_int_eq(l.role, ROLE_DROP);
	ck_assert_int_eq(l.reason, REASON_GAP);
	l.verdict = VERDICT_DROP;
	l.reason = REASON_RULE;
	line_drop(&l, REASON_GAP);
	ck_assert_int_eq(l.reason, REASON_RULE);
}
END_TEST

START_TEST(test_tally)
{
	struct tally t;
	uint64_t k;

	memset(&t, 0, sizeof(t));
	tally_reset(&t, 5000);		/* grows past its first size */
	for (k = 1; k <= 5000; k++)
		tally_slot(&t, k * 0x9E3779B97F4A7C15ull)->a += (uint32_t)k;
	for (k = 1; k <= 5000; k++)
		ck_assert_uint_eq(tally_get(&t, k * 0x9E3779B97F4A7C15ull)->a,
				  k);
	ck_assert_ptr_null(tally_get(&t, 12345));
	tally_reset(&t, 10);		/* smaller page: all gone */
	ck_assert_ptr_null(tally_get(&t, 0x9E3779B97F4A7C15ull));
	ck_assert_uint_eq(tally_slot(&t, 7)->a, 0);
	tally_free(&t);
	tally_free(&t);			/* freeing twice is harmless */
}
END_TEST

Suite *line_suite(void)
{
	Suite *s = suite_create("line");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_dated);
	tcase_add_test(tc, test_item_number);
	tcase_add_test(tc, test_beside_and_key);
	tcase_add_test(tc, test_drop_keeps_rule_reason);
	tcase_add_test(tc, test_tally);
	suite_add_tcase(s, tc);
	return s;
}
