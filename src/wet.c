#include "wet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

struct wet_reader {
	FILE *fp;
	const char *name;
	struct buf back;	/* bytes read ahead, handed back */
	size_t back_pos;
	unsigned long records;
	bool error;
};

struct wet_reader *wet_reader_new(FILE *fp, const char *name)
{
	struct wet_reader *r = xcalloc(1, sizeof(*r));

	r->fp = fp;
	r->name = name;
	return r;
}

void wet_reader_free(struct wet_reader *r)
{
	if (!r)
		return;
	buf_free(&r->back);
	free(r);
}

void wet_record_free(struct wet_record *rec)
{
	buf_free(&rec->header);
	buf_free(&rec->body);
}

static int next_byte(struct wet_reader *r)
{
	int c;

	if (r->back_pos < r->back.len)
		return (unsigned char)r->back.data[r->back_pos++];
	c = getc(r->fp);
	if (c == EOF && ferror(r->fp) && !r->error) {
		diag("%s: read error: %s", r->name, strerror(errno));
		r->error = true;
	}
	return c;
}

/* Append one line (with its line end) to out; false at end of input. */
static bool read_line(struct wet_reader *r, struct buf *out)
{
	size_t start = out->len;
	int c;

	while ((c = next_byte(r)) != EOF) {
		buf_putc(out, (char)c);
		if (c == '\n')
			break;
	}
	return out->len > start;
}

/* Append up to n bytes to out; returns how many came. */
static size_t read_bytes(struct wet_reader *r, struct buf *out, size_t n)
{
	size_t got = 0;

	while (got < n && r->back_pos < r->back.len) {
		buf_putc(out, r->back.data[r->back_pos++]);
		got++;
	}
	while (got < n) {
		size_t want = n - got < 65536 ? n - got : 65536, k;

		buf_reserve(out, want);
		k = fread(out->data + out->len, 1, want, r->fp);
		out->len += k;
		out->data[out->len] = '\0';
		got += k;
		if (k < want)
			break;
	}
	if (ferror(r->fp) && !r->error) {
		diag("%s: read error: %s", r->name, strerror(errno));
		r->error = true;
	}
	return got;
}

static bool is_version_line(const char *s, size_t len)
{
	return len >= 8 && memcmp(s, "WARC/1.", 7) == 0;
}

static bool blank_line(const char *s, size_t len)
{
	return (len == 1 && s[0] == '\n') ||
	       (len == 2 && s[0] == '\r' && s[1] == '\n');
}

const char *wet_field(const struct wet_record *rec, const char *name,
		      size_t *len)
{
	size_t nlen = strlen(name);
	const char *p = rec->header.data, *end = p + rec->header.len;

	while (p && p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *stop = eol ? eol : end;

		if ((size_t)(stop - p) > nlen && p[nlen] == ':' &&
		    strncasecmp(p, name, nlen) == 0) {
			const char *v = p + nlen + 1;

			while (v < stop && (*v == ' ' || *v == '\t'))
				v++;
			while (stop > v && (stop[-1] == '\r' || stop[-1] == ' '))
				stop--;
			*len = (size_t)(stop - v);
			return v;
		}
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

static void warn(struct wet_reader *r, size_t *warnings, const char *what)
{
	diag("%s: record %lu: %s", r->name, r->records, what);
	++*warnings;
}

/* Hand back what follows a record boundary inside buf b from offset at. */
static void give_back(struct wet_reader *r, struct buf *b, size_t at)
{
	struct buf rest = BUF_INIT;

	buf_append(&rest, b->data + at, b->len - at);
	if (r->back_pos < r->back.len)
		buf_append(&rest, r->back.data + r->back_pos,
			   r->back.len - r->back_pos);
	buf_free(&r->back);
	r->back = rest;
	r->back_pos = 0;
	b->len = at;
	b->data[at] = '\0';
}

/* Where a record starts inside s[0..len): "\r\n\r\nWARC/1." (or with
 * bare newlines); returns the offset of "WARC" or len. */
static size_t find_record_start(const char *s, size_t len)
{
	const char *p = s;

	while ((p = memmem(p, len - (size_t)(p - s), "\nWARC/1.", 8))) {
		size_t at = (size_t)(p - s) + 1;

		if (at >= 3 && s[at - 2] == '\n')
			return at;
		if (at >= 4 && s[at - 2] == '\r' && s[at - 3] == '\n')
			return at;
		p++;
	}
	return len;
}

/* The body ends with CRLF CRLF before the next record; strip it.  On a
 * mismatch, take what lies before the next version line into the body
 * so that nothing is lost. */
static void read_trailer(struct wet_reader *r, struct wet_record *rec,
			 size_t *warnings, bool have_len)
{
	struct buf line = BUF_INIT;
	size_t extra = 0, base = rec->body.len;

	while (buf_reset(&line), read_line(r, &line)) {
		if (is_version_line(line.data, line.len)) {
			give_back(r, &line, 0);
			break;
		}
		if (!blank_line(line.data, line.len))
			extra++;
		buf_append(&rec->body, line.data, line.len);
	}
	if (extra && have_len)
		warn(r, warnings, "Content-Length is shorter than the record; "
		     "the rest is kept in its body");
	/* Drop the record separator itself, not the body's own line ends. */
	while (rec->body.len > base &&
	       (rec->body.data[rec->body.len - 1] == '\n' ||
		rec->body.data[rec->body.len - 1] == '\r'))
		rec->body.len--;
	if (rec->body.data)
		rec->body.data[rec->body.len] = '\0';
	buf_free(&line);
}

int wet_next(struct wet_reader *r, struct wet_record *rec,
	     size_t *warnings)
{
	const char *v;
	size_t vlen, want = 0, got, cut;
	bool have_len;
	char num[32];

	buf_reset(&rec->header);
	buf_reset(&rec->body);
	rec->conversion = false;
	/* Skip blank lines between records. */
	do {
		buf_reset(&rec->header);
		if (!read_line(r, &rec->header))
			return r->error ? -1 : 0;
	} while (blank_line(rec->header.data, rec->header.len));
	r->records++;
	if (!is_version_line(rec->header.data, rec->header.len))
		warn(r, warnings, "does not start with a WARC version line");
	for (;;) {
		size_t start = rec->header.len;

		if (!read_line(r, &rec->header)) {
			warn(r, warnings, "truncated in its header");
			return r->error ? -1 : 1;
		}
		if (blank_line(rec->header.data + start,
			       rec->header.len - start))
			break;
	}
	v = wet_field(rec, "WARC-Type", &vlen);
	rec->conversion = v && vlen == 10 && strncasecmp(v, "conversion", 10) == 0;
	v = wet_field(rec, "Content-Length", &vlen);
	have_len = v && vlen > 0 && vlen < sizeof(num);
	if (have_len) {
		char *end;

		memcpy(num, v, vlen);
		num[vlen] = '\0';
		errno = 0;
		want = strtoul(num, &end, 10);
		have_len = errno == 0 && *end == '\0';
	}
	if (!have_len)
		warn(r, warnings, "has no valid Content-Length");
	got = have_len ? read_bytes(r, &rec->body, want) : 0;
	if (have_len && got < want) {
		warn(r, warnings, "truncated: fewer bytes than its "
		     "Content-Length");
		return r->error ? -1 : 1;
	}
	cut = find_record_start(rec->body.data ? rec->body.data : "",
				rec->body.len);
	if (cut < rec->body.len) {
		size_t sep = 0;

		warn(r, warnings, "Content-Length runs into the next record");
		give_back(r, &rec->body, cut);
		/* The CRLF CRLF before the next record is not body. */
		while (sep < 4 && rec->body.len > 0 &&
		       (rec->body.data[rec->body.len - 1] == '\n' ||
			rec->body.data[rec->body.len - 1] == '\r')) {
			rec->body.len--;
			sep++;
		}
		rec->body.data[rec->body.len] = '\0';
	}
	read_trailer(r, rec, warnings, have_len);
	return r->error ? -1 : 1;
}

void wet_write(struct buf *out, const struct wet_record *rec,
	       const char *body, size_t len)
{
	const char *v;
	size_t vlen;
	char num[32];

	v = wet_field(rec, "Content-Length", &vlen);
	snprintf(num, sizeof(num), "%zu", len);
	if (v) {
		size_t at = (size_t)(v - rec->header.data);

		buf_append(out, rec->header.data, at);
		buf_puts(out, num);
		buf_append(out, v + vlen, rec->header.len - at - vlen);
	} else {
		/* Before the blank line that ends the header. */
		size_t end = rec->header.len;

		end -= rec->header.len >= 2 &&
		       rec->header.data[end - 2] == '\r' ? 2 : 1;
		buf_append(out, rec->header.data, end);
		buf_puts(out, "Content-Length: ");
		buf_puts(out, num);
		buf_puts(out, "\r\n");
		buf_append(out, rec->header.data + end, rec->header.len - end);
	}
	buf_append(out, body, len);
	buf_puts(out, "\r\n\r\n");
}
