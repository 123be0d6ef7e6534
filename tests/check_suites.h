/* The unit-test suites, one per module of src/, and the helpers they
 * share (tests/check_helpers.c).  tests/check_main.c runs them all.
 *
 * Known bugs: a test that shows a bug not yet fixed in src/ goes in a
 * test case tagged KNOWN_BUG, with a comment naming the bug.  The runner
 * leaves those cases out unless asked:
 *
 *	CK_INCLUDE_TAGS=known-bug CK_EXCLUDE_TAGS= ./tests/check_filter
 *
 * Open today: none.
 * When one is fixed, move its test into an ordinary case. */
#ifndef FILTER_CHECK_SUITES_H
#define FILTER_CHECK_SUITES_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../src/doc.h"

#define KNOWN_BUG "known-bug"

Suite *rules_suite(void);
Suite *decode_suite(void);
Suite *doc_suite(void);
Suite *structure_suite(void);
Suite *line_suite(void);
Suite *output_suite(void);
Suite *reader_suite(void);
Suite *learn_suite(void);
Suite *jsonl_suite(void);
Suite *wet_suite(void);
Suite *needle_suite(void);
Suite *text_suite(void);
Suite *shipped_suite(void);
Suite *skeleton_suite(void);

/* ---- helpers ----------------------------------------------------------- */

/* Standard error, redirected to a temporary file between capture_start()
 * and capture_end(); capture_end() returns what was written (caller
 * frees). */
struct capture {
	int saved_fd;
	FILE *tmp;
};
void capture_start(struct capture *c);
char *capture_end(struct capture *c);

/* A fresh directory for a test's files; the caller frees the returned
 * path after tmpdir_remove(), which deletes the directory and all in it. */
char *tmpdir_new(void);
void tmpdir_remove(const char *dir);

/* Write len bytes to dir/name (creating dir/name's folder if it is one
 * level deep); returns the path (caller frees). */
char *write_file(const char *dir, const char *name, const void *data,
		 size_t len);
char *write_text(const char *dir, const char *name, const char *text);

/* The page's lines in one string, one character each: '-' blank line,
 * 'D' verdict drop, 'K' verdict keep, '.' no verdict.  Static storage,
 * valid until the next call. */
const char *verdicts(const struct doc *d);

/* The same for roles: '-' blank, 'x' drop, 'H' headline, 'L' lede,
 * 'B' body. */
const char *roles(const struct doc *d);

/* Seconds on a monotonic clock. */
double now_seconds(void);

#endif
