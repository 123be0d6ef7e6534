/* libFuzzer harness: the needle reader against PCRE2 itself.
 *
 * The input is a pattern and a subject, split at the first newline; a
 * first byte that is odd makes the pattern caseless.  If PCRE2 compiles
 * the pattern and it matches the subject, the subject must hold one of
 * the needles needles_of() read off the pattern: otherwise the filter
 * would pass over a rule on a line it matches. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/needle.h"

static bool holds_needle(const struct needle_set *set, const char *subject,
			 size_t len)
{
	struct needles *nd = needles_new();
	char src[NEEDLES_MAX * (NEEDLE_MAX * 2 + 1) + 1] = "";
	const size_t *owners;
	size_t i, j, o = 0;
	bool found;

	for (i = 0; i < set->n; i++) {	/* the needles as one pattern */
		if (i)
			src[o++] = '|';
		for (j = 0; set->s[i][j]; j++) {
			if (strchr("\\^$.|?*+()[]{}", set->s[i][j]))
				src[o++] = '\\';
			src[o++] = set->s[i][j];
		}
	}
	src[o] = '\0';
	if (!needles_add(nd, 0, src, o, false))
		abort();	/* the needles read back are needles */
	found = needles_scan(nd, subject, len, &owners) == 1;
	needles_free(nd);
	return found;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl;
	size_t plen;
	bool caseless;
	struct needle_set set;
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE off;
	int err, rc;

	if (size < 2)
		return 0;
	caseless = data[0] & 1;
	data++;
	size--;
	nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	plen = (size_t)(nl - data);
	re = pcre2_compile(data, plen, PCRE2_UTF | PCRE2_UCP |
			   (caseless ? PCRE2_CASELESS : 0), &err, &off, NULL);
	if (!re)
		return 0;
	needles_of((const char *)data, plen, caseless, &set);
	md = pcre2_match_data_create(1, NULL);
	rc = pcre2_match(re, nl + 1, size - plen - 1, 0, 0, md, NULL);
	if (rc >= 0 && set.n > 0 &&
	    !holds_needle(&set, (const char *)nl + 1, size - plen - 1)) {
		fprintf(stderr, "pattern %.*s matches without a needle\n",
			(int)plen, (const char *)data);
		abort();
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return 0;
}
