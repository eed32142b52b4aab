/* strpool.h - many short strings in one buffer, named by offset.
 *
 * A view model that holds thousands of rows keeps their texts here
 * instead of in a malloc'ed string each (a 30-byte title costs 48 bytes
 * of heap with its own allocation, an empty one 32): strpool_add appends
 * a copy, strpool_intern appends it only the first time (units, leaders
 * and status keys repeat on every row: a plan has few distinct ones).
 *
 * Offsets stay valid for the pool's life; pointers from strpool_str()
 * only until the next add or intern (the buffer may move).  Offset 0 is
 * always "" (also in a zeroed pool).  A pool is a plain value: zero it to
 * start, strpool_free() to release.  Functions returning int give
 * DUBAN_OK or DUBAN_ENOMEM (the pool is then unchanged).
 */
#ifndef DUBAN_STRPOOL_H
#define DUBAN_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

typedef struct strpool {
    char *s; /* the texts, each ending in '\0'; s[0] == '\0' */
    size_t len, cap;
    uint32_t *slots; /* interned texts: offset + 1 by hash, 0 empty */
    size_t nslots, nused;
} strpool;

/* Appends a copy of s (NULL: "") into *off. */
int strpool_add(strpool *p, const char *s, uint32_t *off);
/* The offset of a text equal to s, appending it when it is new. */
int strpool_intern(strpool *p, const char *s, uint32_t *off);
/* The text at off (an offset a call above gave). */
static inline const char *strpool_str(const strpool *p, uint32_t off)
{
    return p->s ? p->s + off : "";
}
/* Gives back the unused part of the buffer (after the last add). */
void strpool_trim(strpool *p);
/* Bytes held (buffer and intern table), for measuring. */
size_t strpool_bytes(const strpool *p);
void strpool_free(strpool *p);

#endif
