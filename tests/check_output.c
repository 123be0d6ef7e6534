/* Writing pages out: JSON escaping, the text and JSON layouts, and pages
 * passed through unfiltered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/doc.h"
#include "../src/output.h"

/* A page whose lines get the roles given, one letter a line as in
 * roles(): 'H', 'L', 'B' or 'x'. */
static void make_doc(struct doc *d, const char *text, const char *role_codes)
{
	size_t i;

	doc_init(d);
	doc_load(d, text, strlen(text));
	ck_assert_uint_eq(d->nlines, strlen(role_codes));
	for (i = 0; i < d->nlines; i++)
		d->lines[i].role = role_codes[i] == 'H' ? ROLE_HEADLINE :
				   role_codes[i] == 'L' ? ROLE_LEDE :
				   role_codes[i] == 'B' ? ROLE_BODY : ROLE_DROP;
}

/* What output_page() writes (caller frees). */
static char *page_output(const struct doc *d, enum format fmt)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	output_page(fp, d, fmt);
	ck_assert_int_eq(fclose(fp), 0);
	return text;
}

/* The text output_page() writes for the page given, its lines with the
 * roles given, must be want. */
static void assert_text(const char *text, const char *role_codes,
			const char *want)
{
	struct doc d;
	char *out;

	make_doc(&d, text, role_codes);
	out = page_output(&d, FORMAT_TEXT);
	ck_assert_str_eq(out, want);
	free(out);
	doc_free(&d);
}

static char *escaped(const char *s, size_t len)
{
	struct buf b = BUF_INIT;

	json_escape(&b, s, len);
	buf_putc(&b, '\0');	/* data is never NULL then */
	return b.data;
}

START_TEST(test_escape_controls)
{
	char in[32 + 1];
	char *out;
	int c;

	for (c = 0; c < 32; c++)
		in[c] = (char)c;
	in[32] = 0x7F;
	out = escaped(in, sizeof(in));
	ck_assert_str_eq(out,
		"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
		"\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
		"\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
		"\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
		"\\u007f");
	free(out);
}
END_TEST

START_TEST(test_escape_quote_backslash)
{
	static const char in[] = "say \"hi\" \\o/ C:\\dir";
	char *out = escaped(in, strlen(in));

	ck_assert_str_eq(out, "say \\\"hi\\\" \\\\o/ C:\\\\dir");
	free(out);
}
END_TEST

/* Everything else, non-ASCII included, is written as it is. */
START_TEST(test_escape_passes_the_rest)
{
	static const char text[] = " !#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"
				   "café €5 😀 \xC2\x80\xEF\xBF\xBD "
				   "\xE2\x80\xA8\xE2\x80\xA9";
	char *out = escaped(text, sizeof(text) - 1);

	ck_assert_str_eq(out, text);
	free(out);
}
END_TEST

/* The escape of each byte, one at a time, as RFC 8259 asks. */
static void escape_slowly(struct buf *b, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char esc[8];

		if (s[i] == '"' || s[i] == '\\')
			snprintf(esc, sizeof(esc), "\\%c", s[i]);
		else if (s[i] == '\n')
			snprintf(esc, sizeof(esc), "\\n");
		else if (s[i] == '\t')
			snprintf(esc, sizeof(esc), "\\t");
		else if (s[i] == '\r')
			snprintf(esc, sizeof(esc), "\\r");
		else if (s[i] == '\b')
			snprintf(esc, sizeof(esc), "\\b");
		else if (s[i] == '\f')
			snprintf(esc, sizeof(esc), "\\f");
		else if (s[i] < 0x20 || s[i] == 0x7F)
			snprintf(esc, sizeof(esc), "\\u%04x", s[i]);
		else
			snprintf(esc, sizeof(esc), "%c", s[i]);
		buf_puts(b, esc);
	}
}

/* Any byte at any place of a run that json_escape() passes over
 * several bytes at a time, among plain and non-ASCII bytes. */
START_TEST(test_escape_every_byte_anywhere)
{
	unsigned char in[19];
	size_t at, k;
	unsigned c;

	for (c = 0; c < 256; c++)
		for (at = 0; at < sizeof(in); at++) {
			struct buf want = BUF_INIT;
			char *out;

			for (k = 0; k < sizeof(in); k++)	/* "ab\xC3de\xC2..." */
				in[k] = (unsigned char)(k % 3 ? 'a' + k
							      : 0xC3 - k % 2);
			in[at] = (unsigned char)c;
			escape_slowly(&want, in, sizeof(in));
			out = escaped((const char *)in, sizeof(in));
			ck_assert_uint_eq(strlen(out), want.len);
			ck_assert_mem_eq(out, want.data, want.len);
			free(out);
			buf_free(&want);
		}
}
END_TEST

START_TEST(test_escape_appends)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, "[");
	json_escape(&b, "a\nb", 3);
	json_escape(&b, "", 0);
	buf_puts(&b, "]");
	ck_assert_str_eq(b.data, "[a\\nb]");
	ck_assert_uint_eq(b.len, 6);
	buf_free(&b);
}
END_TEST

START_TEST(test_json_page)
{
	struct doc d;
	char *out;

	make_doc(&d, "Menu\nTitle \"quoted\"\n\nLede\ttext\n\nBody one\n"
		     "Dropped\n\nBody \\ two é\n", "xH-L-Bx-B");
	out = page_output(&d, FORMAT_JSON);
	ck_assert_str_eq(out, "{\"headline\": \"Title \\\"quoted\\\"\", "
			 "\"lede\": \"Lede\\ttext\", "
			 "\"body\": \"Body one\\n\\nBody \\\\ two é\"}\n");
	free(out);
	doc_free(&d);
}
END_TEST

START_TEST(test_json_empty)
{
	struct doc d;
	char *out;

	make_doc(&d, "Menu\n\n", "x-");
	out = page_output(&d, FORMAT_JSON);
	ck_assert_str_eq(out, "{\"headline\": \"\", \"lede\": \"\", "
			 "\"body\": \"\"}\n");
	free(out);
	doc_free(&d);
}
END_TEST

START_TEST(test_text_page)
{
	assert_text("Menu\nTitle\n\nLede text\n\nBody one\nDropped\n\n"
		    "Body two\n", "xH-L-Bx-B",
		    "Title\n\nLede text\n\nBody one\n\nBody two\n");
}
END_TEST

/* The text keeps the page's order below the headline: a line kept
 * above the lede (a deck) is not moved below it. */
START_TEST(test_text_page_order)
{
	assert_text("Title\n\nDeck\n\nLede text\n\nBody\n", "H-B-L-B",
		    "Title\n\nDeck\n\nLede text\n\nBody\n");
}
END_TEST

/* Parts that are empty leave no blank lines behind. */
START_TEST(test_text_missing_parts)
{
	assert_text("Lede\nBody\n", "LB", "Lede\n\nBody\n");
	assert_text("Title\nx\nBody\n", "HxB", "Title\n\nBody\n");
	assert_text("Body\n", "B", "Body\n");
	assert_text("x\n", "x", "");
}
END_TEST

/* A blank line never makes an empty paragraph, whatever its role. */
START_TEST(test_blank_lines_skipped)
{
	struct doc d;
	char *out;

	make_doc(&d, "Lede\n\nBody\n", "LBB");
	out = page_output(&d, FORMAT_JSON);
	ck_assert_str_eq(out, "{\"headline\": \"\", \"lede\": \"Lede\", "
			 "\"body\": \"Body\"}\n");
	free(out);
	doc_free(&d);
}
END_TEST

START_TEST(test_raw_json_pieces)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	output_raw(fp, "first \"piece\"\n", 14, FORMAT_JSON, true, false);
	output_raw(fp, "middle\t", 7, FORMAT_JSON, false, false);
	output_raw(fp, "last\n", 5, FORMAT_JSON, false, true);
	output_raw(fp, "whole", 5, FORMAT_JSON, true, true);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(text, "{\"headline\": \"\", \"lede\": \"\", \"body\": "
			 "\"first \\\"piece\\\"\\nmiddle\\tlast\\n\"}\n"
			 "{\"headline\": \"\", \"lede\": \"\", \"body\": "
			 "\"whole\"}\n");
	free(text);
}
END_TEST

START_TEST(test_raw_text)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	output_raw(fp, "as it \"came\"\n", 13, FORMAT_TEXT, true, false);
	output_raw(fp, "", 0, FORMAT_TEXT, false, false);
	output_raw(fp, "no newline", 10, FORMAT_TEXT, false, true);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(text, "as it \"came\"\nno newline");
	free(text);
}
END_TEST

Suite *output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc;

	tc = tcase_create("json_escape");
	tcase_add_test(tc, test_escape_controls);
	tcase_add_test(tc, test_escape_quote_backslash);
	tcase_add_test(tc, test_escape_passes_the_rest);
	tcase_add_test(tc, test_escape_appends);
	tcase_add_test(tc, test_escape_every_byte_anywhere);
	suite_add_tcase(s, tc);

	tc = tcase_create("pages");
	tcase_add_test(tc, test_json_page);
	tcase_add_test(tc, test_json_empty);
	tcase_add_test(tc, test_text_page);
	tcase_add_test(tc, test_text_page_order);
	tcase_add_test(tc, test_text_missing_parts);
	tcase_add_test(tc, test_blank_lines_skipped);
	tcase_add_test(tc, test_raw_json_pieces);
	tcase_add_test(tc, test_raw_text);
	suite_add_tcase(s, tc);
	return s;
}
