/* JSON lines (src/jsonl.c): strict parsing with the place of the error,
 * string members decoded, objects written back with members replaced. */
#include <stdlib.h>
#include <string.h>

#include "../src/jsonl.h"
#include "check_suites.h"

/* Parse text; return NULL, or the error message with *at set. */
static const char *parse(struct json_object *o, const char *text,
			 size_t *at)
{
	const char *err = NULL;

	*at = 0;
	return json_object_parse(o, text, strlen(text), &err, at) == 0 ?
	       NULL : err;
}

START_TEST(test_valid_objects)
{
	static const char *const good[] = {
		"{}", " { } ", "{\"a\": 1}", "{\"a\":-0.5e+3,\"b\":[1,[2,{}]]}",
		"{\"t\": true, \"f\": false, \"n\": null}",
		"{\"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}",
		"{\"k\": \"caf\xc3\xa9\"}",
	};
	struct json_object *o = json_object_new();
	size_t i, at;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(parse(o, good[i], &at) == NULL, "rejected: %s",
			      good[i]);
	json_object_free(o);
}
END_TEST

START_TEST(test_errors_and_places)
{
	static const struct {
		const char *text, *err;
		size_t at;
	} bad[] = {
		{ "[1]", "not a JSON object", 0 },
		{ "", "not a JSON object", 0 },
		{ "{\"a\" 1}", "expected ':'", 5 },
		{ "{\"a\": 1,}", "expected a string", 8 },
		{ "{\"a\": 01}", "expected ',' or '}'", 7 },
		{ "{\"a\": \"x}", "unterminated string", 9 },
		{ "{\"a\": \"\\q\"}", "bad escape in string", 8 },
		{ "{\"a\": \"\\u12g4\"}", "bad \\u escape", 8 },
		{ "{\"a\": \"x\ty\"}", "control character in string", 8 },
		{ "{\"a\": tru}", "unexpected character", 6 },
		{ "{\"a\": 1} x", "text after the object", 9 },
		{ "{\"a\": [1 2]}", "expected ',' or ']'", 9 },
	};
	struct json_object *o = json_object_new();
	size_t i, at;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *err = parse(o, bad[i].text, &at);

		ck_assert_msg(err != NULL, "accepted: %s", bad[i].text);
		ck_assert_str_eq(err, bad[i].err);
		ck_assert_msg(at == bad[i].at, "%s: at %zu", bad[i].text, at);
	}
	json_object_free(o);
}
END_TEST

START_TEST(test_deep_nesting_refused)
{
	struct json_object *o = json_object_new();
	size_t n = 2000, i, at;
	char *text = malloc(2 * n + 16);
	const char *err;

	strcpy(text, "{\"a\": ");
	for (i = 0; i < n; i++)
		strcat(text, "[");
	for (i = 0; i < n; i++)
		strcat(text, "]");
	strcat(text, "}");
	err = parse(o, text, &at);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, "nested too deeply");
	free(text);
	json_object_free(o);
}
END_TEST

START_TEST(test_string_member)
{
	struct json_object *o = json_object_new();
	struct buf b = BUF_INIT;
	size_t at;

	ck_assert_ptr_null(parse(o, "{\"n\": 3, \"t\": \"a\\nb \\u00e9 "
				 "\\ud83d\\ude00 \\ud800x\", \"\\u0074x\": \"k\"}",
				 &at));
	ck_assert_int_eq(json_object_string(o, "t", &b), 1);
	/* A surrogate pair joins, a lone surrogate is U+FFFD. */
	ck_assert_str_eq(b.data, "a\nb \xc3\xa9 \xf0\x9f\x98\x80 "
			 "\xef\xbf\xbdx");
	buf_reset(&b);
	ck_assert_int_eq(json_object_string(o, "tx", &b), 1);	/* escaped key */
	ck_assert_str_eq(b.data, "k");
	ck_assert_int_eq(json_object_string(o, "n", &b), -1);
	ck_assert_int_eq(json_object_string(o, "missing", &b), 0);
	buf_free(&b);
	json_object_free(o);
}
END_TEST

START_TEST(test_write_replaces_in_place)
{
	static const char in[] = "{\"id\":7, \"text\" : \"old\", \"meta\": "
				 "{\"x\": [1, 2]}, \"lede\": 0}";
	struct json_member set[] = {
		{ "text", "\"new\"", 5 },
		{ "headline", "\"H\"", 3 },
		{ "lede", "\"L\"", 3 },
	};
	struct json_object *o = json_object_new();
	struct buf out = BUF_INIT;
	size_t at;

	ck_assert_ptr_null(parse(o, in, &at));
	json_object_write(o, &out, set, 3);
	/* Other members unchanged and in place; missing ones last. */
	ck_assert_str_eq(out.data, "{\"id\": 7, \"text\": \"new\", \"meta\": "
			 "{\"x\": [1, 2]}, \"lede\": \"L\", "
			 "\"headline\": \"H\"}");
	buf_free(&out);
	json_object_free(o);
}
END_TEST

START_TEST(test_write_duplicate_key_once)
{
	struct json_member set[] = { { "t", "1", 1 } };
	struct json_object *o = json_object_new();
	struct buf out = BUF_INIT;
	size_t at;

	ck_assert_ptr_null(parse(o, "{\"t\": 2, \"t\": 3}", &at));
	json_object_write(o, &out, set, 1);
	ck_assert_str_eq(out.data, "{\"t\": 1}");
	buf_free(&out);
	json_object_free(o);
}
END_TEST

Suite *jsonl_suite(void)
{
	Suite *s = suite_create("jsonl");
	TCase *tc = tcase_create("jsonl");

	tcase_add_test(tc, test_valid_objects);
	tcase_add_test(tc, test_errors_and_places);
	tcase_add_test(tc, test_deep_nesting_refused);
	tcase_add_test(tc, test_string_member);
	tcase_add_test(tc, test_write_replaces_in_place);
	tcase_add_test(tc, test_write_duplicate_key_once);
	suite_add_tcase(s, tc);
	return s;
}
