/* Tests of src/text.c: code points and words. */
#include <stdio.h>
#include <string.h>

#include "check_suites.h"
#include "../src/hash.h"
#include "../src/text.h"

/* text_fold_hash() of s, which must fold to want; its hash must be the
 * hash of want. */
static void fold_is(const char *s, const char *want)
{
	char out[64];
	size_t len = strlen(s);
	uint64_t h = text_fold_hash(s, len, out);

	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(out, want, len);
	ck_assert(h == hash_bytes(HASH_SEED, want, len));
}

START_TEST(test_fold_hash)
{
	fold_is("", "");
	fold_is("Hello WORLD-42", "hello world-42");
	fold_is("[\\]^_`@{", "[\\]^_`@{");
	/* Latin-1 capitals, À..Þ: their second byte, after 0xC3 */
	fold_is("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9");	/* ÉTÉ */
	fold_is("\xC3\x9E\xC3\x80", "\xC3\xBE\xC3\xA0");	/* ÞÀ */
	/* not ×, nor a lower-case letter, nor a byte after another lead */
	fold_is("2\xC3\x97" "3", "2\xC3\x97" "3");
	fold_is("\xC3\xA9\xC3\xBF", "\xC3\xA9\xC3\xBF");
	fold_is("\xC4\x80\xE2\x80\x94", "\xC4\x80\xE2\x80\x94");
	/* a lead at the very end, and a lead before a lead */
	fold_is("AB\xC3", "ab\xC3");
	fold_is("\xC3\xC3\x89", "\xC3\xC3\xA9");
}
END_TEST

/* The words text_next_word() finds in s, joined by "|". */
static const char *words_of(const char *s)
{
	static char out[128];
	size_t pos = 0, start, wlen, len = strlen(s);

	out[0] = '\0';
	while (text_next_word(s, len, &pos, &start, &wlen))
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%.*s",
			 out[0] ? "|" : "", (int)wlen, s + start);
	return out;
}

START_TEST(test_next_word)
{
	ck_assert_str_eq(words_of(""), "");
	ck_assert_str_eq(words_of(" -- "), "");
	ck_assert_str_eq(words_of("Hello, world42!"), "Hello|world42");
	/* letters outside ASCII in and around words; punctuation outside
	 * ASCII between them (an em dash, a curly apostrophe) */
	ck_assert_str_eq(words_of("\xC3\xA9t\xC3\xA9\xE2\x80\x94" "caf\xC3\xA9"),
			 "\xC3\xA9t\xC3\xA9|" "caf\xC3\xA9");
	ck_assert_str_eq(words_of("l\xE2\x80\x99" "eau \xCE\xB1\xCE\xB2"),
			 "l|eau|\xCE\xB1\xCE\xB2");
	ck_assert_str_eq(words_of("a_b"), "a|b");
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, test_fold_hash);
	tcase_add_test(tc, test_next_word);
	suite_add_tcase(s, tc);
	return s;
}
