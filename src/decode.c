#include "decode.h"

#include <string.h>

static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */

/* Valid range of the second byte for each lead byte (Unicode 15, table
 * 3-7); later continuation bytes are always 80..BF. */
static bool second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0:
		return b >= 0xA0 && b <= 0xBF;
	case 0xED:
		return b >= 0x80 && b <= 0x9F;	/* no surrogates */
	case 0xF0:
		return b >= 0x90 && b <= 0xBF;	/* no overlongs */
	case 0xF4:
		return b >= 0x80 && b <= 0x8F;	/* nothing past U+10FFFF */
	default:
		return b >= 0x80 && b <= 0xBF;
	}
}

static size_t expected_len(unsigned char lead)
{
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/* Bytes of the longest valid prefix of a sequence at s: the whole
 * sequence when it is well formed, else its maximal subpart (at least 1),
 * which becomes a single U+FFFD. */
static size_t valid_prefix(const unsigned char *s, size_t n, size_t want)
{
	size_t i;

	if (n < 2 || !second_ok(s[0], s[1]))
		return 1;
	for (i = 2; i < want && i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return i;
	return i;
}

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	size_t want;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	want = expected_len(s[0]);
	if (want == 0 || want > n)
		return 0;
	return valid_prefix(s, n, want) == want ? want : 0;
}

size_t decode_utf8(struct buf *out, const char *in, size_t len,
		   bool page_start, bool *pending_cr)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, bad = 0;

	if (page_start && len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	buf_reserve(out, len);
	while (i < len) {
		size_t run = i, want, got;

		if (*pending_cr && s[i] == '\n') {	/* the LF of a CRLF */
			*pending_cr = false;
			i++;
			continue;
		}
		/* Copy plain ASCII in one go: the common case by far. */
		while (run < len && s[run] < 0x80 && s[run] != '\r' &&
		       s[run] != '\0')
			run++;
		if (run > i) {
			*pending_cr = false;
			buf_append(out, in + i, run - i);
			i = run;
			continue;
		}
		switch (s[i]) {
		case '\r':
			buf_putc(out, '\n');
			*pending_cr = true;
			i++;
			continue;
		case '\0':
			buf_append(out, replacement, 3);
			bad++;
			*pending_cr = false;
			i++;
			continue;
		default:
			break;
		}
		*pending_cr = false;
		want = expected_len(s[i]);
		got = want ? valid_prefix(s + i, len - i, want) : 1;
		if (want && got == want) {
			buf_append(out, in + i, got);
		} else {
			buf_append(out, replacement, 3);
			bad++;
		}
		i += got;
	}
	return bad;
}
