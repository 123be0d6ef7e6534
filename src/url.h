/* Page addresses. */
#ifndef FILTER_URL_H
#define FILTER_URL_H

#include <stdbool.h>
#include <stddef.h>

/* The host of url ("https://user@www.x.org:8080/a" gives "www.x.org"),
 * lower-cased into out[0..cap), NUL-terminated; returns its length. */
size_t url_host(const char *url, char *out, size_t cap);

/* host[0..len) is want or a subdomain of it. */
bool host_matches(const char *host, size_t len, const char *want);

#endif
