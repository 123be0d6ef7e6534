/* WET records (src/wet.c): headers, bodies by Content-Length, damaged
 * records read without losing bytes, records written back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/wet.h"
#include "check_suites.h"

#define REC(type, len, body) \
	"WARC/1.0\r\nWARC-Type: " type "\r\nWARC-Target-URI: http://x.example/" \
	"\r\nContent-Length: " len "\r\n\r\n" body "\r\n\r\n"

/* All records of text; warnings counted in *warnings. */
struct records {
	struct wet_record rec[8];
	int n;
	size_t warnings;
};

static struct records *read_all(const char *text, size_t len)
{
	struct records *rs = calloc(1, sizeof(*rs));
	struct capture cap;
	FILE *fp = fmemopen((void *)text, len, "r");
	struct wet_reader *r = wet_reader_new(fp, "t");

	capture_start(&cap);
	while (rs->n < 8 && wet_next(r, &rs->rec[rs->n], &rs->warnings) > 0)
		rs->n++;
	free(capture_end(&cap));
	wet_reader_free(r);
	fclose(fp);
	return rs;
}

static void records_free(struct records *rs)
{
	int i;

	for (i = 0; i < 8; i++)
		wet_record_free(&rs->rec[i]);
	free(rs);
}

static const char *body(const struct records *rs, int i)
{
	return rs->rec[i].body.data ? rs->rec[i].body.data : "";
}

START_TEST(test_records)
{
	static const char in[] = REC("warcinfo", "5", "a: b\n")
				 REC("conversion", "11", "Title\nText.");
	struct records *rs = read_all(in, sizeof(in) - 1);
	const char *v;
	size_t len;

	ck_assert_int_eq(rs->n, 2);
	ck_assert_uint_eq(rs->warnings, 0);
	ck_assert(!rs->rec[0].conversion);
	ck_assert(rs->rec[1].conversion);
	ck_assert_str_eq(body(rs, 0), "a: b\n");
	ck_assert_str_eq(body(rs, 1), "Title\nText.");
	v = wet_field(&rs->rec[1], "warc-target-uri", &len);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(len, 17);
	ck_assert(strncmp(v, "http://x.example/", len) == 0);
	ck_assert_ptr_null(wet_field(&rs->rec[1], "WARC-Date", &len));
	records_free(rs);
}
END_TEST

START_TEST(test_write_sets_length)
{
	static const char in[] = REC("conversion", "11", "Title\nText.");
	struct records *rs = read_all(in, sizeof(in) - 1);
	struct buf out = BUF_INIT;

	wet_write(&out, &rs->rec[0], "Short", 5);
	ck_assert_str_eq(out.data, REC("conversion", "5", "Short"));
	buf_free(&out);
	records_free(rs);
}
END_TEST

START_TEST(test_truncated)
{
	static const char in[] = REC("conversion", "4", "abcd")
				 "WARC/1.0\r\nWARC-Type: conversion\r\n"
				 "Content-Length: 100\r\n\r\nonly this";
	struct records *rs = read_all(in, sizeof(in) - 1);

	ck_assert_int_eq(rs->n, 2);
	ck_assert_uint_eq(rs->warnings, 1);
	ck_assert_str_eq(body(rs, 1), "only this");
	records_free(rs);
}
END_TEST

START_TEST(test_length_too_short)
{
	static const char in[] = REC("conversion", "3", "abcdef\nmore")
				 REC("conversion", "2", "ok");
	struct records *rs = read_all(in, sizeof(in) - 1);

	ck_assert_int_eq(rs->n, 2);
	ck_assert_uint_eq(rs->warnings, 1);
	ck_assert_str_eq(body(rs, 0), "abcdef\nmore");	/* nothing lost */
	ck_assert_str_eq(body(rs, 1), "ok");
	records_free(rs);
}
END_TEST

START_TEST(test_length_too_long)
{
	static const char in[] = REC("conversion", "40", "abc")
				 REC("conversion", "2", "ok");
	struct records *rs = read_all(in, sizeof(in) - 1);

	ck_assert_int_eq(rs->n, 2);
	ck_assert_uint_eq(rs->warnings, 1);
	ck_assert_str_eq(body(rs, 0), "abc");
	ck_assert_str_eq(body(rs, 1), "ok");
	records_free(rs);
}
END_TEST

START_TEST(test_no_length)
{
	static const char in[] = "WARC/1.0\r\nWARC-Type: conversion\r\n\r\n"
				 "body text\r\n\r\n" REC("conversion", "2", "ok");
	struct records *rs = read_all(in, sizeof(in) - 1);

	ck_assert_int_eq(rs->n, 2);
	ck_assert_uint_eq(rs->warnings, 1);
	ck_assert_str_eq(body(rs, 0), "body text");
	ck_assert_str_eq(body(rs, 1), "ok");
	records_free(rs);
}
END_TEST

Suite *wet_suite(void)
{
	Suite *s = suite_create("wet");
	TCase *tc = tcase_create("wet");

	tcase_add_test(tc, test_records);
	tcase_add_test(tc, test_write_sets_length);
	tcase_add_test(tc, test_truncated);
	tcase_add_test(tc, test_length_too_short);
	tcase_add_test(tc, test_length_too_long);
	tcase_add_test(tc, test_no_length);
	suite_add_tcase(s, tc);
	return s;
}
