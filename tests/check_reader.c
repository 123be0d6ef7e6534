/* Splitting input into pages, and big pages into pieces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/decode.h"
#include "../src/reader.h"

enum { MAX_PIECES = 1024 };

struct pieces {
	size_t n;
	struct piece {
		char *data;
		size_t len;
		bool more;
	} p[MAX_PIECES];
	unsigned long long bytes;	/* reader_bytes() at the end */
};

/* Every piece the reader makes of in[0..len). */
static struct pieces *read_all(const char *in, size_t len, int sep,
			       size_t max_bytes)
{
	struct pieces *ps = calloc(1, sizeof(*ps));
	FILE *fp = tmpfile();
	struct reader *r;
	struct buf page = BUF_INIT;
	bool more;
	int rc;

	ck_assert_ptr_nonnull(ps);
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(in, 1, len, fp), len);
	rewind(fp);
	r = reader_new(fp, "in", sep, max_bytes);
	while ((rc = reader_next(r, &page, &more)) > 0) {
		struct piece *p;

		ck_assert_uint_lt(ps->n, MAX_PIECES);
		p = &ps->p[ps->n++];
		p->data = malloc(page.len + 1);
		ck_assert_ptr_nonnull(p->data);
		memcpy(p->data, page.data ? page.data : "", page.len);
		p->data[page.len] = '\0';
		p->len = page.len;
		p->more = more;
	}
	ck_assert_int_eq(rc, 0);
	/* The end stays the end. */
	ck_assert_int_eq(reader_next(r, &page, &more), 0);
	ck_assert(!more);
	ps->bytes = reader_bytes(r);
	reader_free(r);
	buf_free(&page);
	fclose(fp);
	return ps;
}

static void pieces_free(struct pieces *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		free(ps->p[i].data);
	free(ps);
}

static void assert_piece(const struct pieces *ps, size_t i, const char *data,
			 size_t len, bool more)
{
	ck_assert_uint_lt(i, ps->n);
	ck_assert_uint_eq(ps->p[i].len, len);
	ck_assert_mem_eq(ps->p[i].data, data, len);
	ck_assert_msg(ps->p[i].more == more, "piece %zu: more is %d", i,
		      ps->p[i].more);
}

#define PIECE(ps, i, lit, more) assert_piece(ps, i, lit, sizeof(lit) - 1, more)

/* Pieces of one page, in a row from first, put back together equal
 * in[0..len); all but the last have more set; none is over max. */
static size_t assert_whole(const struct pieces *ps, size_t first,
			   const char *in, size_t len, size_t max)
{
	size_t i = first, at = 0;

	for (;;) {
		const struct piece *p = &ps->p[i];

		ck_assert_uint_lt(i, ps->n);
		ck_assert_uint_le(p->len, max);
		ck_assert_uint_le(at + p->len, len);
		ck_assert_msg(memcmp(in + at, p->data, p->len) == 0,
			      "piece %zu differs from the input", i);
		at += p->len;
		i++;
		if (!p->more)
			break;
	}
	ck_assert_uint_eq(at, len);
	return i;
}

/* Is every piece of ps valid UTF-8, that is, cut between characters? */
static void assert_cut_at_characters(const struct pieces *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		struct buf out = BUF_INIT;
		bool pending_cr = false;

		ck_assert_msg(decode_utf8(&out, ps->p[i].data, ps->p[i].len,
					  false, &pending_cr) == 0,
			      "piece %zu of %zu (%zu bytes) is cut inside a "
			      "character", i, ps->n, ps->p[i].len);
		buf_free(&out);
	}
}

START_TEST(test_form_feed)
{
	static const char in[] = "one\npage\fsecond\fthird\n";
	struct pieces *ps = read_all(in, sizeof(in) - 1, '\f', 1000);

	ck_assert_uint_eq(ps->n, 3);
	PIECE(ps, 0, "one\npage", false);
	PIECE(ps, 1, "second", false);
	PIECE(ps, 2, "third\n", false);
	ck_assert_uint_eq(ps->bytes, sizeof(in) - 1);
	pieces_free(ps);
}
END_TEST

START_TEST(test_nul_separator)
{
	static const char in[] = "one\fstill one\0two\0";
	struct pieces *ps = read_all(in, sizeof(in) - 1, '\0', 1000);

	ck_assert_uint_eq(ps->n, 2);
	PIECE(ps, 0, "one\fstill one", false);
	PIECE(ps, 1, "two", false);
	pieces_free(ps);
}
END_TEST

/* With form feeds between pages, a NUL byte is text. */
START_TEST(test_nul_in_page)
{
	static const char in[] = "a\0b\fc";
	struct pieces *ps = read_all(in, sizeof(in) - 1, '\f', 1000);

	ck_assert_uint_eq(ps->n, 2);
	PIECE(ps, 0, "a\0b", false);
	PIECE(ps, 1, "c", false);
	pieces_free(ps);
}
END_TEST

START_TEST(test_trailing_separator)
{
	struct pieces *ps = read_all("a\f", 2, '\f', 1000);

	ck_assert_uint_eq(ps->n, 1);
	PIECE(ps, 0, "a", false);
	pieces_free(ps);
	ps = read_all("a\nb\n\0", 5, '\0', 1000);
	ck_assert_uint_eq(ps->n, 1);
	PIECE(ps, 0, "a\nb\n", false);
	pieces_free(ps);
}
END_TEST

START_TEST(test_empty_input)
{
	struct pieces *ps = read_all("", 0, '\f', 1000);

	ck_assert_uint_eq(ps->n, 0);
	ck_assert_uint_eq(ps->bytes, 0);
	pieces_free(ps);
}
END_TEST

/* A page over max_bytes comes in pieces cut after a newline. */
START_TEST(test_big_page_lines)
{
	struct buf in = BUF_INIT;
	struct pieces *ps;
	size_t i, next;

	for (i = 0; i < 40; i++) {
		char line[64];

		snprintf(line, sizeof(line), "line %zu of the page\n", i);
		buf_puts(&in, line);
	}
	buf_puts(&in, "\fnext page");
	ps = read_all(in.data, in.len, '\f', 100);
	next = assert_whole(ps, 0, in.data, in.len - 10, 100);
	ck_assert_uint_gt(next, 5);
	for (i = 0; i + 1 < next; i++)
		ck_assert_msg(ps->p[i].data[ps->p[i].len - 1] == '\n',
			      "piece %zu not cut after a newline", i);
	ck_assert_uint_eq(ps->n, next + 1);
	PIECE(ps, next, "next page", false);
	pieces_free(ps);
	buf_free(&in);
}
END_TEST

/* Without newlines, pieces are cut between characters. */
START_TEST(test_big_page_characters)
{
	struct buf in = BUF_INIT;
	struct pieces *ps;
	size_t i;

	for (i = 0; i < 100; i++)
		buf_puts(&in, "é€😀x");
	ps = read_all(in.data, in.len, '\f', 100);
	ck_assert_uint_ge(ps->n, 10);
	ck_assert_uint_eq(assert_whole(ps, 0, in.data, in.len, 100), ps->n);
	assert_cut_at_characters(ps);
	pieces_free(ps);
	buf_free(&in);
}
END_TEST

/* Pages bigger than the reader's read-ahead. */
START_TEST(test_big_page_many_chunks)
{
	struct buf in = BUF_INIT;
	struct pieces *ps;
	size_t i, page1;

	for (i = 0; i < 6000; i++)
		buf_puts(&in, "A line of about fifty bytes, again and again.\n");
	page1 = in.len;
	buf_putc(&in, '\f');
	for (i = 0; i < 3000; i++)
		buf_puts(&in, "Une ligne d'à peu près cinquante octets, é è ê.\n");
	ps = read_all(in.data, in.len, '\f', 100000);
	i = assert_whole(ps, 0, in.data, page1, 100000);
	ck_assert_uint_eq(assert_whole(ps, i, in.data + page1 + 1,
				       in.len - page1 - 1, 100000), ps->n);
	ck_assert_uint_eq(ps->bytes, in.len);
	pieces_free(ps);
	buf_free(&in);
}
END_TEST

/* A page of exactly max_bytes is not larger than max_bytes: one piece. */
START_TEST(test_page_of_exactly_max)
{
	struct pieces *ps = read_all("abcdefghij\fxy", 13, '\f', 10);

	PIECE(ps, 0, "abcdefghij", false);
	PIECE(ps, 1, "xy", false);
	ck_assert_uint_eq(ps->n, 2);
	pieces_free(ps);
	ps = read_all("abcdefghij", 10, '\f', 10);
	ck_assert_uint_eq(ps->n, 1);
	PIECE(ps, 0, "abcdefghij", false);
	pieces_free(ps);
	/* One byte more and it is cut. */
	ps = read_all("abcdefghijk", 11, '\f', 10);
	ck_assert_uint_eq(ps->n, 2);
	PIECE(ps, 0, "abcdefghij", true);
	PIECE(ps, 1, "k", false);
	pieces_free(ps);
}
END_TEST

/* The bytes after a cut may come from an earlier read-ahead chunk than
 * the cut itself: max_bytes 70000, a newline at byte 60000 (in the first
 * 64 KiB chunk), then "é" after "é".  (Once a bug: the piece was left
 * whole, 70001 bytes, ending inside a character.) */
START_TEST(test_big_page_cut_across_chunks)
{
	struct buf in = BUF_INIT;
	struct pieces *ps;
	size_t i;

	for (i = 0; i < 30000; i++)
		buf_puts(&in, "é");
	buf_putc(&in, '\n');
	for (i = 0; i < 20000; i++)
		buf_puts(&in, "é");
	ps = read_all(in.data, in.len, '\f', 70000);
	ck_assert_uint_eq(assert_whole(ps, 0, in.data, in.len, 70000), ps->n);
	assert_cut_at_characters(ps);
	pieces_free(ps);
	buf_free(&in);
}
END_TEST

/* A UTF-16 page holds 0x0C bytes inside characters: "Č" (U+010C) is
 * 0C 01 in UTF-16LE.  Only a whole 16-bit form feed ends its page. */
START_TEST(test_utf16_page_not_split)
{
	static const char in[] = "\xFF\xFEL\0\x0C\x01\n\0";
	struct pieces *ps = read_all(in, sizeof(in) - 1, '\f', 1000);

	ck_assert_uint_eq(ps->n, 1);
	PIECE(ps, 0, "\xFF\xFEL\0\x0C\x01\n\0", false);
	pieces_free(ps);
}
END_TEST

Suite *reader_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc;

	tc = tcase_create("pages");
	tcase_add_test(tc, test_form_feed);
	tcase_add_test(tc, test_nul_separator);
	tcase_add_test(tc, test_nul_in_page);
	tcase_add_test(tc, test_trailing_separator);
	tcase_add_test(tc, test_empty_input);
	tcase_add_test(tc, test_big_page_lines);
	tcase_add_test(tc, test_big_page_characters);
	tcase_add_test(tc, test_big_page_many_chunks);
	tcase_add_test(tc, test_page_of_exactly_max);
	tcase_add_test(tc, test_big_page_cut_across_chunks);
	tcase_add_test(tc, test_utf16_page_not_split);
	suite_add_tcase(s, tc);
	return s;
}
