#include "url.h"

#include <string.h>

size_t url_host(const char *url, char *out, size_t cap)
{
	const char *p = strstr(url, "://"), *end, *at;
	size_t n = 0;

	p = p ? p + 3 : url;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	for (; p < end && *p != ':' && n + 1 < cap; p++)
		out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p);
	out[n] = '\0';
	return n;
}

bool host_matches(const char *host, size_t len, const char *want)
{
	size_t wlen = strlen(want);

	if (len == wlen)
		return memcmp(host, want, len) == 0;
	return len > wlen && host[len - wlen - 1] == '.' &&
	       memcmp(host + len - wlen, want, wlen) == 0;
}
