/* HTML character references that scrapers leave in text. */
#ifndef FILTER_ENTITIES_H
#define FILTER_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* The code point of the named reference name[0..len) ("amp", "eacute"),
 * or 0 if it is not one we know. */
uint32_t entity_lookup(const char *name, size_t len);

#endif
