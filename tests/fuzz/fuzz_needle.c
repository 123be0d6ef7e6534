/* libFuzzer harness: the needle reader against PCRE2 itself.
 *
 * The input is a pattern and a subject, split at the first newline; a
 * first byte that is odd makes the pattern caseless.  If PCRE2 compiles
 * the pattern and it matches the subject, the subject must hold one of
 * the needles needles_of() read off the pattern, and end with one of the
 * last bytes it read (or before a final newline one): otherwise the
 * filter would pass over a rule on a line it matches. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/needle.h"
#include "../needle_oracle.h"

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
	    !text_holds_needle((const char *)nl + 1, size - plen - 1,
			       &set)) {
		fprintf(stderr, "pattern %.*s matches without a needle\n",
			(int)plen, (const char *)data);
		abort();
	}
	if (rc >= 0 && !text_ends_as((const char *)nl + 1, size - plen - 1,
				     &set)) {
		fprintf(stderr, "pattern %.*s matches a text that does not "
			"end as it may\n", (int)plen, (const char *)data);
		abort();
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return 0;
}
