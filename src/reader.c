#include "reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { CHUNK = 1 << 16 };

struct reader {
	FILE *fp;
	const char *name;
	int sep;
	size_t max_bytes;
	char *chunk;		/* CHUNK bytes of read-ahead */
	size_t pos, end;	/* unread data is chunk[pos..end) */
	bool eof;
	bool in_page;		/* a page has started and not yet ended */
	struct buf carry;	/* the cut-off end of the last piece */
	bool terminated;	/* the last piece ended at a separator */
	bool started;		/* the stream's first bytes were looked at */
	unsigned char bom[2];	/* a UTF-16 stream's byte order mark, or 0 */
	unsigned long long bytes;
};

struct reader *reader_new(FILE *fp, const char *name, int sep,
			  size_t max_bytes)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->fp = fp;
	r->name = name;
	r->sep = sep;
	/* Room for a whole UTF-8 character past any cut: never an empty
	 * piece. */
	r->max_bytes = max_bytes > 8 ? max_bytes : 8;
	r->chunk = xmalloc(CHUNK);
	return r;
}

void reader_free(struct reader *r)
{
	if (!r)
		return;
	free(r->chunk);
	buf_free(&r->carry);
	free(r);
}

bool reader_terminated(const struct reader *r)
{
	return r->terminated;
}

unsigned long long reader_bytes(const struct reader *r)
{
	return r->bytes;
}

static int refill(struct reader *r)
{
	size_t n;

	r->pos = r->end = 0;
	if (r->eof)
		return 0;
	n = fread(r->chunk, 1, CHUNK, r->fp);
	if (n == 0) {
		if (ferror(r->fp)) {
			diag("%s: read error: %s", r->name, strerror(errno));
			return -1;
		}
		r->eof = true;
		return 0;
	}
	r->end = n;
	r->bytes += n;
	return 1;
}

/* Where to cut a piece that outgrew max_bytes: after its last newline
 * in the second half, else before a partial UTF-8 character. */
static size_t cut_point(const char *s, size_t len)
{
	const char *nl = NULL;
	size_t i;

	for (i = len; i > len / 2; i--)
		if (s[i - 1] == '\n') {
			nl = s + i;
			break;
		}
	if (nl)
		return (size_t)(nl - s);
	for (i = len; i > 0 && len - i < 4; i--)
		if (((unsigned char)s[i - 1] & 0xC0) != 0x80)
			return ((unsigned char)s[i - 1] < 0x80) ? i : i - 1;
	return len;
}

enum { MORE_INPUT = 2 };

/* Read ahead when the chunk is used up.  Returns MORE_INPUT, or what
 * reader_next returns at the end of input: 1 for a last page still open
 * (one with bytes, has_bytes, or started before), 0 if none is (a
 * trailing separator opens no empty page), -1 on a read error. */
static int next_chunk(struct reader *r, bool has_bytes)
{
	int rc = refill(r);
	bool open = r->in_page || has_bytes;

	if (rc != 0)
		return rc < 0 ? -1 : MORE_INPUT;
	r->in_page = false;
	return open ? 1 : 0;
}

/* A UTF-16 stream: the separator is a 16-bit unit, and every page
 * starts with the stream's byte order mark so that it decodes alone.
 * Byte by byte: such streams are rare. */
static int next_utf16(struct reader *r, struct buf *page, bool *more)
{
	unsigned char unit[2] = { 0, 0 };
	int rc;

	unit[r->bom[0] == 0xFF ? 0 : 1] = (unsigned char)r->sep;
	if (page->len == 0)
		buf_append(page, r->bom, 2);
	for (;;) {
		if (r->pos == r->end &&
		    (rc = next_chunk(r, page->len > 2)) != MORE_INPUT)
			return rc;
		r->in_page = true;
		buf_putc(page, r->chunk[r->pos++]);
		if (page->len % 2 == 0 &&
		    memcmp(page->data + page->len - 2, unit, 2) == 0) {
			page->len -= 2;
			page->data[page->len] = '\0';
			r->in_page = false;
			r->terminated = true;
			return 1;
		}
		if (page->len > r->max_bytes) {
			size_t cut = r->max_bytes & ~(size_t)1;

			buf_append(&r->carry, page->data + cut, page->len - cut);
			page->len = cut;
			page->data[cut] = '\0';
			*more = true;
			return 1;
		}
	}
}

/* Look at the stream's first bytes for a UTF-16 byte order mark. */
static int sniff(struct reader *r)
{
	int rc = 1;

	r->started = true;
	if (r->pos == r->end)
		rc = refill(r);
	if (rc > 0 && r->end - r->pos >= 2) {
		unsigned char a = (unsigned char)r->chunk[r->pos];
		unsigned char b = (unsigned char)r->chunk[r->pos + 1];

		if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
			r->bom[0] = a;
			r->bom[1] = b;
			r->pos += 2;
		}
	}
	return rc < 0 ? -1 : 0;
}

int reader_next(struct reader *r, struct buf *page, bool *more)
{
	*more = false;
	r->terminated = false;
	buf_reset(page);
	if (!r->started && sniff(r) < 0)
		return -1;
	if (r->carry.len) {
		buf_append(page, r->carry.data, r->carry.len);
		buf_reset(&r->carry);
	}
	if (r->bom[0])
		return next_utf16(r, page, more);
	for (;;) {
		const char *start, *hit;
		size_t avail, room, take;
		int rc;

		if (r->pos == r->end &&
		    (rc = next_chunk(r, page->len > 0)) != MORE_INPUT)
			return rc;
		r->in_page = true;
		start = r->chunk + r->pos;
		avail = r->end - r->pos;
		/* One byte more than a page may have: a page of exactly
		 * max_bytes is whole, only a longer one is cut. */
		room = r->max_bytes + 1 - page->len;
		hit = memchr(start, r->sep, avail < room ? avail : room);
		if (hit) {
			buf_append(page, start, (size_t)(hit - start));
			r->pos += (size_t)(hit - start) + 1;
			/* A page ends at its separator; the next starts lazily so
			 * that "a\f" is one page, not two. */
			r->in_page = false;
			r->terminated = true;
			return 1;
		}
		take = avail < room ? avail : room;
		buf_append(page, start, take);
		r->pos += take;
		if (page->len > r->max_bytes) {
			size_t cut = cut_point(page->data, r->max_bytes);

			/* The rest starts the next piece. */
			buf_append(&r->carry, page->data + cut,
				   page->len - cut);
			page->len = cut;
			page->data[cut] = '\0';
			*more = true;
			return 1;
		}
	}
}
