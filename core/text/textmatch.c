/* textmatch.c - the ranges of a text that a search's words match (see
 * textmatch.h). */
#include "text/textmatch.h"

#include <string.h>

size_t text_word_separator(const char *s)
{
    if (*s == ' ' || *s == '\t')
        return 1;
    if (!strncmp(s, "\xE3\x80\x80", 3)) /* U+3000 ideographic space */
        return 3;
    return 0;
}

static int fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* 1 if the n bytes of word occur at s (ASCII case folded). */
static int matches_at(const char *s, const char *word, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || fold((unsigned char)s[i]) != fold((unsigned char)word[i]))
            return 0;
    return 1;
}

/* Adds [start, end) to the sorted, merged list out of *n ranges. */
static void add_span(text_span *out, size_t *n, size_t max, size_t start, size_t end)
{
    size_t i = 0;
    while (i < *n && out[i].end < start)
        i++;
    if (i < *n && out[i].start <= end) { /* overlaps or touches range i */
        if (start < out[i].start)
            out[i].start = start;
        if (end > out[i].end)
            out[i].end = end;
        while (i + 1 < *n && out[i + 1].start <= out[i].end) { /* swallow the next */
            if (out[i + 1].end > out[i].end)
                out[i].end = out[i + 1].end;
            memmove(&out[i + 1], &out[i + 2], (*n - i - 2) * sizeof *out);
            (*n)--;
        }
        return;
    }
    if (*n == max)
        return;
    memmove(&out[i + 1], &out[i], (*n - i) * sizeof *out);
    out[i] = (text_span){start, end};
    (*n)++;
}

/* The ranges of one word of wlen bytes. */
static void find_word(const char *text, const char *word, size_t wlen, text_span *out, size_t *n,
                      size_t max)
{
    for (size_t off = 0; text[off];) {
        if (matches_at(text + off, word, wlen)) {
            add_span(out, n, max, off, off + wlen);
            off += wlen;
            continue;
        }
        off++;
        while ((text[off] & 0xC0) == 0x80) /* the next character's first byte */
            off++;
    }
}

size_t text_match_spans(const char *text, const char *query, text_span *out, size_t max)
{
    size_t n = 0;
    if (!text || !query || !max)
        return 0;
    for (size_t i = 0; query[i];) {
        size_t sep = text_word_separator(query + i);
        if (sep) {
            i += sep;
            continue;
        }
        size_t start = i;
        while (query[i] && !text_word_separator(query + i))
            i++;
        find_word(text, query + start, i - start, out, &n, max);
    }
    return n;
}
