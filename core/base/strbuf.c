#include "base/strbuf.h"

#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The string moved to a block of cap bytes (a new one empty). */
static int grow_to(strbuf *sb, size_t cap)
{
    char *s = realloc(sb->s, cap);
    if (!s)
        return DUBAN_ENOMEM;
    if (!sb->s)
        s[0] = '\0';
    sb->s = s;
    sb->cap = cap;
    return DUBAN_OK;
}

static int reserve(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return DUBAN_OK;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    return grow_to(sb, cap);
}

int strbuf_reserve(strbuf *sb, size_t n) /* exactly: doubling would ask twice the allowance */
{
    return sb->len + n + 1 <= sb->cap ? DUBAN_OK : grow_to(sb, sb->len + n + 1);
}

int strbuf_appendn(strbuf *sb, const char *s, size_t n)
{
    if (reserve(sb, n))
        return DUBAN_ENOMEM;
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
    return DUBAN_OK;
}

char *strbuf_extend(strbuf *sb, size_t n)
{
    if (reserve(sb, n))
        return NULL;
    char *p = sb->s + sb->len;
    sb->len += n;
    sb->s[sb->len] = '\0';
    return p;
}

int strbuf_append(strbuf *sb, const char *s)
{
    return strbuf_appendn(sb, s ? s : "", s ? strlen(s) : 0);
}

int strbuf_appendc(strbuf *sb, char c)
{
    return strbuf_appendn(sb, &c, 1);
}

int strbuf_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(sb, (size_t)n))
        return DUBAN_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return DUBAN_OK;
}

const char *strbuf_str(const strbuf *sb)
{
    return sb->s ? sb->s : "";
}

void strbuf_reset(strbuf *sb)
{
    sb->len = 0;
    if (sb->s)
        sb->s[0] = '\0';
}

char *strbuf_take(strbuf *sb)
{
    char *s = sb->s ? sb->s : calloc(1, 1);
    sb->s = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void strbuf_free(strbuf *sb)
{
    free(sb->s);
    sb->s = NULL;
    sb->len = sb->cap = 0;
}

char *duban_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}
