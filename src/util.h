/* Memory wrappers and diagnostics shared by every module. */
#ifndef FILTER_UTIL_H
#define FILTER_UTIL_H

#include <stddef.h>

/* Allocation that cannot fail: out of memory ends the program with a
 * message.  The caller owns what is returned and frees it with free(). */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* Grow *ptr (an array of elem-sized items with room for *cap) so that it
 * holds at least need items.  Amortised doubling. */
void xgrow(void **ptr, size_t *cap, size_t need, size_t elem);

/* "filter: message" on stderr, in the form compilers use. */
void diag(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
