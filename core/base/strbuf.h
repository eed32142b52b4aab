/* strbuf.h - a growable, always NUL-terminated byte string.
 *
 * Zero-initialise (strbuf sb = {0};) before use; strbuf_free() releases it.
 * Appends return DUBAN_OK or DUBAN_ENOMEM; after ENOMEM the buffer keeps its
 * previous contents.  strbuf_take() hands the heap string to the caller
 * (free() it) and leaves the strbuf empty.
 */
#ifndef DUBAN_STRBUF_H
#define DUBAN_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
    char *s;
    size_t len;
    size_t cap;
} strbuf;

int strbuf_append(strbuf *sb, const char *s);
int strbuf_appendn(strbuf *sb, const char *s, size_t n);
int strbuf_appendc(strbuf *sb, char c);
/* Room for n more bytes at the end, counted in the length at once (NUL
 * after them): the caller fills all n.  NULL when out of memory. */
char *strbuf_extend(strbuf *sb, size_t n);
/* Room for n more bytes allocated now, so appends up to them never move
 * the string (len unchanged).  DUBAN_OK or DUBAN_ENOMEM (then as before). */
int strbuf_reserve(strbuf *sb, size_t n);
int strbuf_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *strbuf_str(const strbuf *sb); /* "" when empty */
void strbuf_reset(strbuf *sb);
char *strbuf_take(strbuf *sb);
void strbuf_free(strbuf *sb);

/* strdup that accepts NULL (returns NULL). */
char *duban_strdup(const char *s);

#endif
