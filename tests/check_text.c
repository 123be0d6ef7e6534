/* Tests of src/text.c: code points and words. */
#include <stdio.h>
#include <string.h>

#include "check_suites.h"
#include "../src/text.h"

/* text_fold_hash() of s, which must fold to want; its hash must be the
 * hash of want, and differ from that of want cut by a byte. */
static void fold_is(const char *s, const char *want)
{
	char out[64], again[64];
	size_t len = strlen(s);
	uint64_t h = text_fold_hash(s, len, out);

	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(out, want, len);
	ck_assert(h != 0);
	ck_assert(h == text_fold_hash(want, len, again));
	if (len > 0)
		ck_assert(h != text_fold_hash(want, len - 1, again));
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
	size_t pos = 0, len = strlen(s);
	struct text_word w;

	out[0] = '\0';
	while (text_next_word(s, len, &pos, &w)) {
		char folded[TEXT_FOLD_MAX];

		/* each word comes hashed as text_fold_hash() hashes it */
		ck_assert(w.hash == text_fold_hash(s + w.start, w.len, folded));
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%.*s",
			 out[0] ? "|" : "", (int)w.len, s + w.start);
	}
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
	/* read eight bytes at a time, then on past a letter outside ASCII */
	ck_assert_str_eq(words_of("ReInterNationale\xC3\x89Tx9 WORDS42Ab; x"),
			 "ReInterNationale\xC3\x89Tx9|WORDS42Ab|x");
	ck_assert_str_eq(words_of("\xC3\x89T\xC3\x89 Caf\xC3\x89!"),
			 "\xC3\x89T\xC3\x89|Caf\xC3\x89");
}
END_TEST

/* A word longer than TEXT_FOLD_MAX is hashed as far as that, even when
 * the limit cuts a character in two. */
START_TEST(test_next_word_long)
{
	char s[TEXT_FOLD_MAX + 64], folded[TEXT_FOLD_MAX];
	size_t pos = 0, i, n = 0;
	struct text_word w;

	for (i = 0; i + 1 < TEXT_FOLD_MAX; i++)
		s[n++] = (char)('A' + i % 26);
	for (i = 0; i < 20; i++) {	/* "É" from byte TEXT_FOLD_MAX - 1 */
		s[n++] = (char)0xC3;
		s[n++] = (char)0x89;
	}
	memcpy(s + n, "Zz tail", 7);
	n += 7;
	ck_assert(text_next_word(s, n, &pos, &w));
	ck_assert_uint_eq(w.start, 0);
	ck_assert_uint_eq(w.len, n - 5);
	ck_assert(w.hash == text_fold_hash(s, TEXT_FOLD_MAX, folded));
	ck_assert(text_next_word(s, n, &pos, &w));
	ck_assert_uint_eq(w.start, n - 4);
	ck_assert(w.hash == text_fold_hash("tail", 4, folded));
	ck_assert(!text_next_word(s, n, &pos, &w));
}
END_TEST

/* text_words() finds the words text_next_word() finds, a batch at a
 * time, and goes on where a full batch stopped. */
START_TEST(test_words_batch)
{
	static const char s[] = "  One, two \xC3\x89T\xC3\x89 -- three4 a_b!";
	struct text_word one, batch[2];
	size_t len = strlen(s), pos1 = 0, pos2 = 0, n, k, seen = 0;

	while ((n = text_words(s, len, &pos2, batch, 2)) > 0) {
		ck_assert_uint_le(n, 2);
		for (k = 0; k < n; k++, seen++) {
			ck_assert(text_next_word(s, len, &pos1, &one));
			ck_assert_uint_eq(batch[k].start, one.start);
			ck_assert_uint_eq(batch[k].len, one.len);
			ck_assert(batch[k].hash == one.hash);
		}
		ck_assert_uint_eq(pos1, pos2);
	}
	ck_assert_uint_eq(seen, 6);
	ck_assert(!text_next_word(s, len, &pos1, &one));
	ck_assert_uint_eq(pos2, len);
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, test_fold_hash);
	tcase_add_test(tc, test_next_word);
	tcase_add_test(tc, test_next_word_long);
	tcase_add_test(tc, test_words_batch);
	suite_add_tcase(s, tc);
	return s;
}
