#include "text.h"

#include "bytes.h"
#include "hash.h"

size_t cp_encode(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* By byte: the ASCII letters and digits, letters in lower case; 0 for
 * every other byte.  One lookup tells whether a byte goes on a word and
 * folds it, for most bytes of most words. */
static const unsigned char word_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z',
	/* 0x80 and above: none */
};

bool cp_is_word_wide(uint32_t c)
{
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return false;
	/* General punctuation, arrows, symbols, CJK punctuation,
	 * full-width punctuation, emoji, U+FFFD. */
	return !((c >= 0x2000 && c <= 0x2BFF) ||
		 (c >= 0x3000 && c <= 0x303F) ||
		 (c >= 0xFE10 && c <= 0xFE6F) ||
		 (c >= 0xFF00 && c <= 0xFF0F) || c == 0xFFFD ||
		 (c >= 0x1F000 && c <= 0x1FAFF));
}

/* Latin Extended-A pairs its letters upper, lower from U+0100, but
 * U+0138 (kra) has no pair, so the pairs shift by one up to U+0148 (the
 * Polish "ł", "ń"); U+0149 again has no pair, U+0178 is the capital of
 * Latin-1's "ÿ", and U+0179..U+017E shift once more ("ż", "ž"). */
static bool latin_ext_a_upper(uint32_t c)
{
	if (c == 0x138 || c == 0x149 || c == 0x17F)
		return false;
	if (c == 0x178)
		return true;
	if ((c >= 0x139 && c <= 0x148) || c >= 0x179)
		return c & 1;
	return !(c & 1);
}

/* Latin-1, Latin Extended-A, Greek and Cyrillic: enough for the
 * languages the heuristics know. */
bool cp_is_upper_wide(uint32_t c)
{
	return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	       (c >= 0x100 && c <= 0x17F && latin_ext_a_upper(c)) ||
	       (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

bool cp_is_lower_wide(uint32_t c)
{
	return (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	       (c >= 0x100 && c <= 0x17F && !latin_ext_a_upper(c)) ||
	       (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

/* ASCII, by byte, with capitals in lower case: one lookup folds most
 * bytes of most words. */
static const unsigned char ascii_lower[128] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27,
	0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
	0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
	0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
	0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
	0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
	0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
};

/* A byte that, after 0xC3, makes a Latin-1 capital: À..Þ but not ×. */
static inline bool latin1_capital(unsigned char c)
{
	return c >= 0x80 && c <= 0x9E && c != 0x97;
}

/* Byte c of a word folded, after prev, the byte before it folded (0 at
 * the start): one byte in, one out.  À..Þ (0xC3 0x80..0x9E) differ
 * from à..þ in the second byte's 0x20 bit, as ASCII capitals do. */
static inline unsigned char fold_byte(unsigned char prev, unsigned char c)
{
	if (c < 0x80)
		return ascii_lower[c];
	return prev == 0xC3 && latin1_capital(c) ? c | 0x20 : c;
}

/* A word being folded and hashed (text_fold_hash(), text_next_word()):
 * how many of its bytes are folded so far, the last of them (see
 * fold_byte()), the hash of its whole words of eight bytes, and the
 * bytes after them, little-endian. */
struct folding {
	size_t n;
	unsigned char prev;
	uint64_t h;
	uint64_t part;
};

/* Eight folded bytes of a word into its hash.  A multiply per eight
 * bytes, not per byte: most words fit in one step.  The high half of
 * the product, which every byte reaches, goes into the low bits that
 * tables index by. */
static inline uint64_t mix_eight(uint64_t h, uint64_t eight)
{
	h = (h ^ eight) * 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 32);
}

/* One folded byte onto the word. */
static inline void fold_push(struct folding *f, unsigned char c)
{
	f->part |= (uint64_t)c << (8 * (f->n % 8));
	if (++f->n % 8 == 0) {
		f->h = mix_eight(f->h, f->part);
		f->part = 0;
	}
}

/* The word's hash: its last bytes, padded with zero bytes, which no
 * word holds, so that words of different lengths differ. */
static inline uint64_t fold_hash(const struct folding *f)
{
	uint64_t h = f->n % 8 ? mix_eight(f->h, f->part) : f->h;

	return h ? h : 1;
}

uint64_t text_fold_hash(const char *w, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *)w;
	struct folding f = { 0, 0, HASH_SEED, 0 };
	size_t i;

	for (i = 0; i < len; i++) {
		f.prev = fold_byte(f.prev, s[i]);
		out[i] = (char)f.prev;
		fold_push(&f, f.prev);
	}
	return fold_hash(&f);
}

#ifdef BYTES_FIRST
/* The ASCII letters of x, flagged as in bytes.h: x | 0x20 from 'a' to
 * 'z'.  Adding 0x1F sets a byte's high bit from 'a' up, adding 0x05
 * from '{' up.  Exact up to the first byte from 0x80 up, whose carry
 * changes only the bytes after it. */
static inline uint64_t ascii_letters(uint64_t x)
{
	uint64_t y = x | BYTES_ONES * 0x20;

	return (y + BYTES_ONES * 0x1F) & ~(y + BYTES_ONES * 0x05) & BYTES_HIGHS;
}

/* The ASCII figures of x, in the same way: from '0' to '9'. */
static inline uint64_t ascii_figures(uint64_t x)
{
	return (x + BYTES_ONES * 0x50) & ~(x + BYTES_ONES * 0x46) & BYTES_HIGHS;
}

/* Fold and hash the ASCII letters and figures from u[*i] on eight at a
 * time, while the word's bytes so far fill whole steps of eight and the
 * word has room for eight more, moving *i past them.  Returns true if
 * they stop at a byte that is none, false if the steps ran out first.
 * A letter's flag, shifted to 0x20, makes it lower case. */
static inline bool fold_eights(const unsigned char *u, size_t *i, size_t len,
			       struct folding *f)
{
	while (f->n % 8 == 0 && len - *i >= 8 && f->n + 8 <= TEXT_FOLD_MAX) {
		uint64_t x = bytes_load(u + *i), letters = ascii_letters(x),
			 other = (~(letters | ascii_figures(x)) | x) &
				 BYTES_HIGHS;
		size_t k;

		x |= letters >> 2;
		if (!other) {
			f->h = mix_eight(f->h, x);
			f->n += 8;
			*i += 8;
			continue;
		}
		k = bytes_first(other);
		if (k > 0) {
			f->part = x & ((1ull << (8 * k)) - 1);
			f->n += k;
			*i += k;
			f->prev = u[*i - 1];	/* ASCII: see fold_ascii() */
		}
		return true;
	}
	return false;
}
#endif

/* Fold and hash the ASCII letters and digits from u[i] on, while the
 * word has room for them; returns where they stop. */
static inline size_t fold_ascii(const unsigned char *u, size_t i, size_t len,
				struct folding *f)
{
	size_t room, stop, from;
	unsigned char c;

#ifdef BYTES_FIRST
	if (fold_eights(u, &i, len, f))
		return i;
#endif
	room = TEXT_FOLD_MAX - f->n;
	stop = len - i < room ? len : i + room;
	for (from = i; i < stop && (c = word_fold[u[i]]); i++)
		fold_push(f, c);
	if (i > from)
		f->prev = u[i - 1];	/* ASCII: fold_byte() needs not know
					 * which */
	return i;
}

/* Fold and hash the n bytes of the character at u, as far as the word
 * has room. */
static void fold_char(const unsigned char *u, size_t n, struct folding *f)
{
	size_t k;

	for (k = 0; k < n && f->n < TEXT_FOLD_MAX; k++) {
		f->prev = fold_byte(f->prev, u[k]);
		fold_push(f, f->prev);
	}
}

/* Where the first word of s[i..len) starts, len if none.  The bytes
 * before it are ASCII, most of them, told by table. */
static size_t word_start(const char *s, size_t i, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;

	for (; i < len; i += n) {
		if (u[i] < 0x80) {
			if (word_fold[u[i]])
				break;
			n = 1;
		} else if (cp_is_word(cp_decode(s + i, &n))) {
			break;
		}
	}
	return i < len ? i : len;
}

/* Where the word that starts at s[i] ends, folded and hashed into *f
 * as it is passed: ASCII letters and digits, most of most words; any
 * other ASCII byte ends it. */
static size_t word_end(const char *s, size_t i, size_t len,
		       struct folding *f)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;

	for (;;) {
		i = fold_ascii(u, i, len, f);
		if (f->n == TEXT_FOLD_MAX)	/* no room: pass the rest */
			while (i < len && word_fold[u[i]])
				i++;
		if (i >= len || u[i] < 0x80 || !cp_is_word(cp_decode(s + i, &n)))
			return i;
		fold_char(u + i, n, f);
		i += n;
	}
}

#ifdef BYTES_FIRST
/* The commonest word: ASCII letters and figures, fewer than eight,
 * then an ASCII byte, all in the eight bytes at u (a word starts there).
 * Fills *w, its start aside, and returns true if the word at u is one
 * such; its hash is text_fold_hash()'s, in a single step. */
static inline bool short_word(const unsigned char *u, struct text_word *w)
{
	uint64_t x = bytes_load(u), letters = ascii_letters(x),
		 other = (~(letters | ascii_figures(x)) | x) & BYTES_HIGHS;
	size_t k;
	struct folding f = { 0, 0, HASH_SEED, 0 };

	if (!other || (k = bytes_first(other)) == 0 || u[k] >= 0x80)
		return false;
	f.n = k;
	f.part = (x | letters >> 2) & ((1ull << (8 * k)) - 1);
	w->len = k;
	w->hash = fold_hash(&f);
	return true;
}
#endif

size_t text_words(const char *s, size_t len, size_t *pos,
		  struct text_word *out, size_t max)
{
	size_t i = *pos, k;

	for (k = 0; k < max; k++) {
		struct folding f = { 0, 0, HASH_SEED, 0 };

		if ((i = word_start(s, i, len)) == len)
			break;
		out[k].start = i;
#ifdef BYTES_FIRST
		if (len - i >= 8 &&
		    short_word((const unsigned char *)s + i, &out[k])) {
			i += out[k].len;
			continue;
		}
#endif
		i = word_end(s, i, len, &f);
		out[k].len = i - out[k].start;
		out[k].hash = fold_hash(&f);
	}
	*pos = i;
	return k;
}

bool text_next_word(const char *s, size_t len, size_t *pos,
		    struct text_word *w)
{
	return text_words(s, len, pos, w, 1) == 1;
}
