/* UTF-8 repair: line ends, byte order marks, NUL bytes and every kind of
 * ill-formed sequence (Unicode 15, section 3.9, "U+FFFD substitution of
 * maximal subparts"). */
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/decode.h"

#define FFFD "\xEF\xBF\xBD"

/* Decode in[0..len) as one whole page; check the text and the number of
 * replacements. */
static void assert_decodes(const char *in, size_t len, const char *want,
			   size_t want_bad)
{
	struct buf out = BUF_INIT;
	bool pending_cr = false;
	size_t bad = decode_utf8(&out, in, len, true, &pending_cr);

	ck_assert_msg(out.len == strlen(want) &&
		      memcmp(out.data ? out.data : "", want, out.len) == 0,
		      "decoding %zu bytes: got \"%s\", want \"%s\"", len,
		      out.data ? out.data : "", want);
	ck_assert_uint_eq(bad, want_bad);
	buf_free(&out);
}

#define DECODES(in, want, bad) assert_decodes(in, sizeof(in) - 1, want, bad)

START_TEST(test_ascii_untouched)
{
	DECODES("", "", 0);
	DECODES("plain text\n\ttab\x7F\x01\n", "plain text\n\ttab\x7F\x01\n",
		0);
}
END_TEST

START_TEST(test_valid_sequences_untouched)
{
	/* The edges of each length and of the surrogate gap. */
	static const char valid[] =
		"\xC2\x80" "\xC3\xA9" "\xDF\xBF"		/* 2 bytes */
		"\xE0\xA0\x80" "\xE2\x82\xAC" "\xED\x9F\xBF"	/* 3 bytes */
		"\xEE\x80\x80" "\xEF\xBF\xBD" "\xEF\xBF\xBF"
		"\xF0\x90\x80\x80" "\xF0\x9F\x98\x80"		/* 4 bytes */
		"\xF3\xBF\xBF\xBF" "\xF4\x8F\xBF\xBF";

	DECODES(valid, valid, 0);
	DECODES("café €5 😀\n", "café €5 😀\n", 0);
}
END_TEST

/* A CR, a NUL, a character outside ASCII or an ill-formed byte at each
 * place of a long run of ASCII, which is read eight bytes at a time:
 * the bytes before it stay, it is changed as alone. */
START_TEST(test_stop_in_long_run)
{
	static const struct {
		const char *in, *out;
		size_t bad;
	} stop[] = {
		{ "\r", "\n", 0 }, { "\0", FFFD, 1 },
		{ "\xC3\xA9", "\xC3\xA9", 0 }, { "\xFF", FFFD, 1 },
	};
	size_t k, at;

	for (k = 0; k < sizeof(stop) / sizeof(stop[0]); k++)
		for (at = 0; at < 20; at++) {
			char in[64], want[64];
			size_t n = strlen(stop[k].in) + (stop[k].in[0] == 0);

			memset(in, 'a', at);
			memcpy(in + at, stop[k].in, n);
			memcpy(in + at + n, "bcdefghijklmnop", 15);
			memset(want, 'a', at);
			strcpy(want + at, stop[k].out);
			strcat(want, "bcdefghijklmnop");
			assert_decodes(in, at + n + 15, want, stop[k].bad);
		}
}
END_TEST

START_TEST(test_crlf)
{
	DECODES("a\r\nb\r\n", "a\nb\n", 0);
	DECODES("a\rb\r", "a\nb\n", 0);		/* lone CR */
	DECODES("a\r\r\nb", "a\n\nb", 0);
	DECODES("a\n\rb", "a\n\nb", 0);		/* LF CR: two line ends */
	DECODES("\r\n\r\n", "\n\n", 0);
}
END_TEST

/* A CR at the end of one piece and an LF at the start of the next are
 * one line end. */
START_TEST(test_crlf_across_pieces)
{
	struct buf out = BUF_INIT;
	bool pending_cr = false;

	decode_utf8(&out, "one\r", 4, true, &pending_cr);
	ck_assert(pending_cr);
	decode_utf8(&out, "\ntwo\r", 5, false, &pending_cr);
	ck_assert(pending_cr);
	decode_utf8(&out, "three", 5, false, &pending_cr);
	ck_assert(!pending_cr);
	ck_assert_str_eq(out.data, "one\ntwo\nthree");

	/* A pending CR is used up by anything else, too. */
	buf_reset(&out);
	pending_cr = false;
	decode_utf8(&out, "a\r", 2, true, &pending_cr);
	decode_utf8(&out, "\xC3\xA9\n", 3, false, &pending_cr);
	ck_assert_str_eq(out.data, "a\n\xC3\xA9\n");
	buf_free(&out);
}
END_TEST

START_TEST(test_bom)
{
	struct buf out = BUF_INIT;
	bool pending_cr = false;

	DECODES("\xEF\xBB\xBFtext", "text", 0);
	DECODES("\xEF\xBB\xBF", "", 0);
	/* Only the first BOM, only at the start of a page. */
	DECODES("\xEF\xBB\xBF\xEF\xBB\xBFx", "\xEF\xBB\xBFx", 0);
	DECODES("x\xEF\xBB\xBF", "x\xEF\xBB\xBF", 0);
	decode_utf8(&out, "\xEF\xBB\xBFmore", 7, false, &pending_cr);
	ck_assert_str_eq(out.data, "\xEF\xBB\xBFmore");
	/* A cut BOM is no BOM. */
	DECODES("\xEF\xBB", FFFD, 1);
	buf_free(&out);
}
END_TEST

START_TEST(test_nul)
{
	DECODES("a\0b", "a" FFFD "b", 1);
	DECODES("\0\0", FFFD FFFD, 2);
}
END_TEST

/* Long runs of ASCII are copied eight bytes at a time: a CR, a NUL or
 * a byte past ASCII is seen at every place of such a group. */
START_TEST(test_long_ascii_runs)
{
	DECODES("0123456789abcdefghij", "0123456789abcdefghij", 0);
	DECODES("0123456\r89abcdefgh", "0123456\n89abcdefgh", 0);
	DECODES("01234567\r\nabcdefgh", "01234567\nabcdefgh", 0);
	DECODES("0123456789abc\0efgh", "0123456789abc" FFFD "efgh", 1);
	DECODES("0123456789\xC3\xA9" "bcdefgh",
		"0123456789\xC3\xA9" "bcdefgh", 0);
	DECODES("012345678\xFF", "012345678" FFFD, 1);
	DECODES("\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x80",
		"\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F" FFFD, 1);
	/* sequences one after another, then an ill-formed one, a CR */
	DECODES("\xE2\x94\x80\xC3\xA9\xE2\x94\x80\xFF\xE2\x94\x80\r\n",
		"\xE2\x94\x80\xC3\xA9\xE2\x94\x80" FFFD "\xE2\x94\x80\n", 1);
	DECODES("\xC3\xA9\xC3\xA9\xE2\x94", "\xC3\xA9\xC3\xA9" FFFD, 1);
}
END_TEST

START_TEST(test_overlong)
{
	DECODES("\xC0\xAF", FFFD FFFD, 2);		/* "/" in 2 bytes */
	DECODES("\xC1\xBF", FFFD FFFD, 2);
	DECODES("\xE0\x80\xAF", FFFD FFFD FFFD, 3);	/* in 3 bytes */
	DECODES("\xE0\x9F\xBF", FFFD FFFD FFFD, 3);
	DECODES("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, 4);
	DECODES("\xF0\x8F\xBF\xBF", FFFD FFFD FFFD FFFD, 4);
}
END_TEST

START_TEST(test_surrogates)
{
	DECODES("\xED\xA0\x80", FFFD FFFD FFFD, 3);	/* U+D800 */
	DECODES("\xED\xBF\xBF", FFFD FFFD FFFD, 3);	/* U+DFFF */
	/* A CESU-8 pair. */
	DECODES("\xED\xA0\xBD\xED\xB8\x80", FFFD FFFD FFFD FFFD FFFD FFFD, 6);
}
END_TEST

START_TEST(test_beyond_max)
{
	DECODES("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);	/* U+110000 */
	DECODES("\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD, 4);
	DECODES("\xF7\xBF\xBF\xBF", FFFD FFFD FFFD FFFD, 4);
	DECODES("\xF8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD, 5);
	DECODES("\xFE\xFF", FFFD FFFD, 2);
}
END_TEST

/* A sequence cut short is one U+FFFD, however much of it there was. */
START_TEST(test_truncated)
{
	DECODES("\xC3", FFFD, 1);
	DECODES("\xC3x", FFFD "x", 1);
	DECODES("\xE2\x82", FFFD, 1);
	DECODES("\xE2\x82x", FFFD "x", 1);
	DECODES("\xF0\x9F\x98", FFFD, 1);
	DECODES("\xF0\x9F\x98 ", FFFD " ", 1);
	DECODES("\xF0\x9F", FFFD, 1);
	/* Cut short by the lead byte of a good sequence. */
	DECODES("\xE2\x82\xF0\x9F\x98\x80", FFFD "\xF0\x9F\x98\x80", 1);
	DECODES("\xF0\x9F\x98\xC3\xA9", FFFD "\xC3\xA9", 1);
	/* Stray continuation bytes: one U+FFFD each. */
	DECODES("\x80", FFFD, 1);
	DECODES("\x80\xBF\x80", FFFD FFFD FFFD, 3);
	DECODES("\xC3\xA9\xA9", "\xC3\xA9" FFFD, 1);
	/* Latin-1 text read as UTF-8. */
	DECODES("caf\xE9 cr\xE8me", "caf" FFFD " cr" FFFD "me", 2);
	/* The Unicode 15 table 3-11 example. */
	DECODES("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
		"a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6);
}
END_TEST

START_TEST(test_appends)
{
	struct buf out = BUF_INIT;
	bool pending_cr = false;

	buf_puts(&out, "kept:");
	decode_utf8(&out, "x\r\n", 3, true, &pending_cr);
	ck_assert_str_eq(out.data, "kept:x\n");
	ck_assert_uint_eq(out.len, 7);
	buf_free(&out);
}
END_TEST

START_TEST(test_seq_len)
{
	const unsigned char *u = (const unsigned char *)"a\xC3\xA9\xE2\x82\xAC"
			 "\xF0\x9F\x98\x80";

	ck_assert_uint_eq(utf8_seq_len(u, 10), 1);
	ck_assert_uint_eq(utf8_seq_len(u + 1, 9), 2);
	ck_assert_uint_eq(utf8_seq_len(u + 3, 7), 3);
	ck_assert_uint_eq(utf8_seq_len(u + 6, 4), 4);
	ck_assert_uint_eq(utf8_seq_len(u + 6, 3), 0);	/* cut short */
	ck_assert_uint_eq(utf8_seq_len(u + 2, 8), 0);	/* continuation */
	ck_assert_uint_eq(utf8_seq_len(u, 0), 0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xC0\xAF", 2),
			  0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xED\xA0\x80",
				       3), 0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)
				       "\xF4\x90\x80\x80", 4), 0);
}
END_TEST

/* ---- the page decoder: character sets and clean-up ---------------------- */

/* Feed in[0..len) as one page; check text and count. */
static void assert_feeds(struct decoder *dec, const char *in, size_t len,
			 const char *want, size_t want_bad)
{
	struct buf out = BUF_INIT;
	size_t bad = decoder_feed(dec, &out, in, len, true);

	ck_assert_msg(out.len == strlen(want) &&
		      memcmp(out.data ? out.data : "", want, out.len) == 0,
		      "got \"%s\", want \"%s\"", out.data ? out.data : "",
		      want);
	ck_assert_uint_eq(bad, want_bad);
	buf_free(&out);
}

#define FEEDS(dec, in, want, bad) \
	assert_feeds(dec, in, sizeof(in) - 1, want, bad)

START_TEST(test_decoder_unknown_charset)
{
	struct capture cap;
	struct decoder *dec;
	char *err;

	capture_start(&cap);
	dec = decoder_new("NO-SUCH-CHARSET", false);
	err = capture_end(&cap);
	ck_assert_ptr_null(dec);
	ck_assert_str_eq(err, "filter: unknown character set "
			 "'NO-SUCH-CHARSET' (see iconv --list)\n");
	free(err);
	decoder_free(NULL);
}
END_TEST

/* UTF-8 with a stray bad byte stays UTF-8; the byte becomes U+FFFD. */
START_TEST(test_decoder_utf8)
{
	struct decoder *dec = decoder_new(NULL, false);

	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, "caf\xC3\xA9 cr\xC3\xA8me \xFF\r\n", "café crème " FFFD "\n",
	      1);
	FEEDS(dec, "\xEF\xBB\xBFplain", "plain", 0);
	decoder_free(dec);
}
END_TEST

/* A page that is not UTF-8 is windows-1252 unless told otherwise. */
START_TEST(test_decoder_legacy)
{
	struct decoder *dec = decoder_new(NULL, false);

	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, "caf\xE9 cr\xE8me \x80 l\x92" "eau\r\n",
	      "café crème € l’eau\n", 0);
	decoder_free(dec);
	dec = decoder_new("ISO-8859-15", false);
	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, "caf\xE9 \xA4", "café €", 0);
	FEEDS(dec, "caf\xC3\xA9", "café", 0);	/* UTF-8 still wins */
	decoder_free(dec);
}
END_TEST

START_TEST(test_decoder_utf16)
{
	struct decoder *dec = decoder_new(NULL, false);

	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, "\xFF\xFEh\0\xE9\0\r\0\n\0\xAC\x20", "hé\n€", 0);
	FEEDS(dec, "\xFE\xFF\0h\0\xE9\0\r\0\n\x20\xAC", "hé\n€", 0);
	decoder_free(dec);
}
END_TEST

/* A CR ending one piece and an LF starting the next are one line end. */
START_TEST(test_decoder_pieces)
{
	struct decoder *dec = decoder_new(NULL, false);
	struct buf out = BUF_INIT;

	ck_assert_ptr_nonnull(dec);
	decoder_feed(dec, &out, "\xEF\xBB\xBFone\r", 7, true);
	decoder_feed(dec, &out, "\ntwo\xEF\xBB\xBF\r", 8, false);
	decoder_feed(dec, &out, "three", 5, false);
	ck_assert_str_eq(out.data, "one\ntwo\xEF\xBB\xBF\nthree");
	/* A new page starts afresh. */
	buf_reset(&out);
	decoder_feed(dec, &out, "\nfour", 5, true);
	ck_assert_str_eq(out.data, "\nfour");
	buf_free(&out);
	decoder_free(dec);
}
END_TEST

START_TEST(test_decoder_normalize)
{
	static const char in[] = "a\xC2\xA0" "b\xE2\x80\x89" "c\xC2\xAD" "d"
				 "\xE2\x80\x8B" "e &amp; &eacute; &#233; "
				 "&#xE9; &bogus; &amp";
	struct decoder *dec = decoder_new(NULL, true);

	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, in, "a b cde & é é é &bogus; &amp", 0);
	decoder_free(dec);
	dec = decoder_new(NULL, false);
	FEEDS(dec, in, in, 0);
	decoder_free(dec);
}
END_TEST

/* Characters that start as the changed ones do (0xC2, 0xE2, 0xE3,
 * 0xEF) but are none of them stay as they are, between changed ones:
 * box drawing, a dash, a copyright sign, an ideographic full stop, a
 * replacement character. */
START_TEST(test_decoder_normalize_lookalikes)
{
	static const char in[] = "\xE2\x94\x82 x\xC2\xA0\xE2\x80\x94y\xC2\xA9"
				 "\xE2\x80\x8B\xE3\x80\x82\xE3\x80\x80z"
				 "\xEF\xBF\xBD\xEF\xBB\xBF\xE2\x81\x9F!";
	struct decoder *dec = decoder_new(NULL, true);

	ck_assert_ptr_nonnull(dec);
	FEEDS(dec, in, "\xE2\x94\x82 x \xE2\x80\x94y\xC2\xA9\xE3\x80\x82 z"
		  "\xEF\xBF\xBD !", 0);
	decoder_free(dec);
}
END_TEST

Suite *decode_suite(void)
{
	Suite *s = suite_create("decode");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, test_ascii_untouched);
	tcase_add_test(tc, test_valid_sequences_untouched);
	tcase_add_test(tc, test_crlf);
	tcase_add_test(tc, test_stop_in_long_run);
	tcase_add_test(tc, test_crlf_across_pieces);
	tcase_add_test(tc, test_bom);
	tcase_add_test(tc, test_nul);
	tcase_add_test(tc, test_long_ascii_runs);
	tcase_add_test(tc, test_overlong);
	tcase_add_test(tc, test_surrogates);
	tcase_add_test(tc, test_beyond_max);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_appends);
	tcase_add_test(tc, test_seq_len);
	suite_add_tcase(s, tc);

	tc = tcase_create("decoder");
	tcase_add_test(tc, test_decoder_unknown_charset);
	tcase_add_test(tc, test_decoder_utf8);
	tcase_add_test(tc, test_decoder_legacy);
	tcase_add_test(tc, test_decoder_utf16);
	tcase_add_test(tc, test_decoder_pieces);
	tcase_add_test(tc, test_decoder_normalize);
	tcase_add_test(tc, test_decoder_normalize_lookalikes);
	suite_add_tcase(s, tc);
	return s;
}
