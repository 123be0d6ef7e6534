/* One JSON object per line (JSON Lines): reading members, decoding a
 * string member, and writing the object back with members replaced. */
#ifndef FILTER_JSONL_H
#define FILTER_JSONL_H

#include <stddef.h>

#include "buf.h"

struct json_object;

struct json_object *json_object_new(void);
void json_object_free(struct json_object *o);

/* Parse line[0..len) as exactly one JSON object (RFC 8259; white space
 * around it allowed).  The object borrows line until the next parse.
 * Returns 0, or -1 with *err (a static message) and *at (byte offset). */
int json_object_parse(struct json_object *o, const char *line, size_t len,
		      const char **err, size_t *at);

/* Append the decoded value of string member key to out.  Returns 1 if
 * found, 0 if there is no such member, -1 if it is not a string.  Lone
 * surrogate escapes become U+FFFD. */
int json_object_string(const struct json_object *o, const char *key,
		       struct buf *out);

/* A member to set: key and its value as JSON text. */
struct json_member {
	const char *key;
	const char *value;
	size_t len;
};

/* Append o as one line of JSON: its members in order, unchanged, except
 * those named in set, whose values are replaced; members of set that o
 * lacks come last.  No newline. */
void json_object_write(const struct json_object *o, struct buf *out,
		       const struct json_member *set, size_t nset);

#endif
