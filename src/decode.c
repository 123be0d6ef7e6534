#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "entities.h"
#include "text.h"
#include "util.h"

static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */

/* Valid range of the second byte for each lead byte (Unicode 15, table
 * 3-7); later continuation bytes are always 80..BF. */
static inline bool second_ok(unsigned char lead, unsigned char b)
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
static inline size_t valid_prefix(const unsigned char *s, size_t n,
				  size_t want)
{
	size_t i;

	if (n < 2 || !second_ok(s[0], s[1]))
		return 1;
	for (i = 2; i < want && i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return i;
	return i;
}

/* utf8_seq_len(), inline in decode_utf8()'s loop over the characters
 * outside ASCII. */
static inline size_t seq_len(const unsigned char *s, size_t n)
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

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
	return seq_len(s, n);
}

/* The length of the run of ASCII that starts s[0..n), with no CR and
 * no NUL in it if plain.  Eight bytes are tested at once while none of
 * them has its high bit set or (plain) is a CR or a NUL: x - 1 borrows
 * into the high bit of a byte that was 0.  The first such byte ends the
 * run where the compiler tells which it is (each test's first flag is
 * exact, so the first of them all is); the last few bytes, and
 * elsewhere those of the eight that stopped, one at a time.  Each caller
 * passes a constant plain, which the compiler folds. */
static size_t ascii_run(const unsigned char *s, size_t n, bool plain)
{
	size_t i = 0;

	for (; n - i >= 8; i += 8) {
		uint64_t x = bytes_load(s + i), stop = x & BYTES_HIGHS;

		if (plain)
			stop |= bytes_equal(x, '\0') | bytes_equal(x, '\r');
#ifdef BYTES_FIRST
		if (stop)
			return i + bytes_first(stop);
#else
		if (stop)
			break;
#endif
	}
	while (i < n && s[i] < 0x80 &&
	       (!plain || (s[i] != '\r' && s[i] != '\0')))
		i++;
	return i;
}

size_t decode_utf8(struct buf *out, const char *in, size_t len,
		   bool page_start, bool *pending_cr)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, from, bad = 0, got;

	if (page_start && len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (*pending_cr && i < len) {
		if (s[i] == '\n')	/* the LF of a CRLF */
			i++;
		*pending_cr = false;
	}
	buf_reserve(out, len);
	/* Most text stays as it is, plain ASCII and well-formed sequences:
	 * it goes out in one piece, s[from..i), at the next byte that
	 * changes (a CR, a NUL, an ill-formed sequence) or at the end. */
	for (from = i; i < len;) {
		i += ascii_run(s + i, len - i, true);
		if (i >= len)
			break;
		if (s[i] >= 0x80 && (got = seq_len(s + i, len - i))) {
			/* and the sequences right after it: a script
			 * outside ASCII, a text browser's box drawing */
			for (i += got; i < len && s[i] >= 0x80 &&
			     (got = seq_len(s + i, len - i)); i += got)
				;
			continue;
		}
		buf_append(out, in + from, i - from);
		if (s[i] == '\r') {
			buf_putc(out, '\n');
			if (++i == len)
				*pending_cr = true;
			else if (s[i] == '\n')
				i++;
		} else {	/* a NUL, an ill-formed sequence */
			size_t want = expected_len(s[i]);

			buf_append(out, replacement, 3);
			bad++;
			i += want ? valid_prefix(s + i, len - i, want) : 1;
		}
		from = i;
	}
	buf_append(out, in + from, i - from);
	return bad;
}

/* ---- typographic normalisation ------------------------------------------ */

/* The character reference at s ("&amp;", "&#39;", "&#x2019;"): its code
 * point, with *len its length; 0 if s holds none.  A reference must end
 * with ';': "AT&T" and "&c" stay as they are. */
static uint32_t char_ref(const char *s, size_t n, size_t *len)
{
	size_t i = 1, end;
	uint32_t c = 0;

	if (n > 2 && s[1] == '#') {
		bool hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

		for (i = hex ? 3 : 2; i < n && i < 12; i++) {
			int v = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
				hex && (s[i] | 0x20) >= 'a' &&
				(s[i] | 0x20) <= 'f' ? (s[i] | 0x20) - 'a' + 10 : -1;

			if (v < 0)
				break;
			c = c * (hex ? 16 : 10) + (uint32_t)v;
		}
		if (i >= n || s[i] != ';' || i == (hex ? 3u : 2u))
			return 0;
		*len = i + 1;
		/* NUL, surrogates and what lies past Unicode: U+FFFD. */
		if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
			c = 0xFFFD;
		return c;
	}
	for (end = 1; end < n && end < 10 &&
	     (((s[end] | 0x20) >= 'a' && (s[end] | 0x20) <= 'z') ||
	      (s[end] >= '0' && s[end] <= '9')); end++)
		;
	if (end >= n || s[end] != ';')
		return 0;
	c = entity_lookup(s + 1, end - 1);
	if (c)
		*len = end + 1;
	return c;
}

/* Spaces of fixed width become plain spaces; soft hyphens, zero-width
 * spaces, word joiners and stray byte order marks go.  ZWJ and ZWNJ
 * stay: some scripts spell words with them.  Returns the replacement
 * (0: drop the character) or c itself. */
static uint32_t fold_space(uint32_t c)
{
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
	    c == 0x205F || c == 0x3000)
		return ' ';
	if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF)
		return 0;
	return c;
}

/* The bytes that may start something normalize_text() changes: a
 * character reference, or a character fold_space() changes. */
static const char may_change[] = "&\xC2\xE2\xE3\xEF";

/* Whether the byte at s, one of may_change, starts something that
 * normalize_text() changes: a character reference may, a character
 * only if fold_space() changes it.  Most do not: the box drawing of a
 * text browser's tables starts as a general space does, with 0xE2. */
static bool changes_at(const char *s)
{
	size_t n;
	uint32_t c;

	if (*s == '&')
		return true;
	c = cp_decode(s, &n);
	return fold_space(c) != c;
}

/* The length of the run of bytes at s that normalize_text() leaves as
 * they are, of the n before the NUL that ends them.  strcspn() stops
 * at a NUL too: one of the text's own is part of the run, as is a
 * byte of may_change that starts nothing to change. */
static size_t unchanged_run(const char *s, size_t n)
{
	size_t len = strcspn(s, may_change);

	while (len < n && (s[len] == '\0' || !changes_at(s + len)))
		len += 1 + strcspn(s + len + 1, may_change);
	return len < n ? len : n;
}

void normalize_text(struct buf *b, size_t start)
{
	char *s = b->data;
	size_t i = start, o = start, len;

	while (i < b->len) {
		unsigned char u;
		uint32_t c;

		/* most bytes stay: move them as one run, and only once an
		 * earlier change has shortened the text */
		len = unchanged_run(s + i, b->len - i);
		if (o != i)
			memmove(s + o, s + i, len);
		i += len;
		o += len;
		if (i >= b->len)
			break;
		u = (unsigned char)s[i];
		if (u == '&') {
			c = char_ref(s + i, b->len - i, &len);
			if (!c) {
				s[o++] = s[i++];
				continue;
			}
		} else {
			c = cp_decode(s + i, &len);
		}
		i += len;
		if (c == '\r')		/* &#13;: line ends are LF here */
			c = '\n';
		c = fold_space(c);
		if (c)
			o += cp_encode(s + o, c);
	}
	b->len = o;
	s[o] = '\0';
}

/* ---- choosing the character set ------------------------------------------ */

enum charset { CS_UTF8, CS_UTF16LE, CS_UTF16BE, CS_LEGACY };

struct decoder {
	char *from_code;	/* for CS_LEGACY */
	bool from_given;	/* the user named it: trust it */
	bool normalize;
	iconv_t cd[3];		/* UTF-16LE, UTF-16BE, legacy; opened lazily */
	enum charset page_cs;	/* of the page being fed */
	bool pending_cr;
	struct buf utf8;	/* iconv's output, before clean-up */
};

struct decoder *decoder_new(const char *from_code, bool normalize)
{
	struct decoder *dec = xcalloc(1, sizeof(*dec));
	iconv_t probe;
	int i;

	for (i = 0; i < 3; i++)
		dec->cd[i] = (iconv_t)-1;
	dec->from_given = from_code != NULL;
	dec->from_code = xstrdup(from_code ? from_code : "WINDOWS-1252");
	dec->normalize = normalize;
	probe = iconv_open("UTF-8", dec->from_code);
	if (probe == (iconv_t)-1) {
		diag("unknown character set '%s' (see iconv --list)",
		     dec->from_code);
		decoder_free(dec);
		return NULL;
	}
	dec->cd[2] = probe;
	return dec;
}

void decoder_free(struct decoder *dec)
{
	int i;

	if (!dec)
		return;
	for (i = 0; i < 3; i++)
		if (dec->cd[i] != (iconv_t)-1)
			iconv_close(dec->cd[i]);
	free(dec->from_code);
	buf_free(&dec->utf8);
	free(dec);
}

/* UTF-8 when it has no ill-formed sequence, or (unless strict) more
 * well-formed multi-byte sequences than ill-formed ones: a UTF-8 page
 * with a stray bad byte stays UTF-8 (the byte becomes U+FFFD), a Latin-1
 * page with accents does not. */
static bool looks_utf8(const char *in, size_t len, bool strict)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, good = 0, bad = 0, n;

	while (i < len) {
		if (s[i] < 0x80) {
			i += ascii_run(s + i, len - i, false);
			continue;
		}
		n = utf8_seq_len(s + i, len - i);
		if (n) {
			good++;
			i += n;
		} else {
			bad++;
			i++;
		}
	}
	return bad == 0 || (!strict && good > bad);
}

static enum charset pick_charset(struct decoder *dec, const char **in,
				 size_t *len)
{
	const unsigned char *s = (const unsigned char *)*in;

	if (*len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
			  (s[0] == 0xFE && s[1] == 0xFF))) {
		*in += 2;
		*len -= 2;
		return s[0] == 0xFF ? CS_UTF16LE : CS_UTF16BE;
	}
	return looks_utf8(*in, *len, dec->from_given) ? CS_UTF8 : CS_LEGACY;
}

/* Convert with iconv into dec->utf8; what it cannot convert becomes
 * U+FFFD, one per unit skipped. */
static size_t convert(struct decoder *dec, enum charset cs, const char *in,
		      size_t len)
{
	static const char *const names[] = { "UTF-16LE", "UTF-16BE" };
	size_t unit = cs == CS_LEGACY ? 1 : 2, bad = 0;
	iconv_t *cd = &dec->cd[cs == CS_LEGACY ? 2 : cs - CS_UTF16LE];
	char *src = (char *)in;

	if (*cd == (iconv_t)-1)
		*cd = iconv_open("UTF-8", names[cs - CS_UTF16LE]);
	buf_reset(&dec->utf8);
	iconv(*cd, NULL, NULL, NULL, NULL);
	while (len > 0) {
		char *dst;
		size_t room, before;

		buf_reserve(&dec->utf8, len * 2 + 16);
		dst = dec->utf8.data + dec->utf8.len;
		room = dec->utf8.cap - dec->utf8.len - 1;
		before = room;
		if (iconv(*cd, &src, &len, &dst, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			/* EILSEQ, or EINVAL for a unit cut short at the end */
			size_t skip = len < unit ? len : unit;

			dec->utf8.len += before - room;
			buf_append(&dec->utf8, replacement, 3);
			src += skip;
			len -= skip;
			bad++;
			continue;
		}
		dec->utf8.len += before - room;
	}
	return bad;
}

size_t decoder_feed(struct decoder *dec, struct buf *out, const char *in,
		    size_t len, bool page_start)
{
	size_t start = out->len, bad;

	if (page_start) {
		dec->pending_cr = false;
		dec->page_cs = pick_charset(dec, &in, &len);
	}
	if (dec->page_cs == CS_UTF8) {
		bad = decode_utf8(out, in, len, page_start, &dec->pending_cr);
	} else {
		bad = convert(dec, dec->page_cs, in, len);
		bad += decode_utf8(out, dec->utf8.data ? dec->utf8.data : "",
				   dec->utf8.len, page_start,
				   &dec->pending_cr);
	}
	if (dec->normalize)
		normalize_text(out, start);
	return bad;
}
