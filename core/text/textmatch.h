/* textmatch.h - where the words of a search occur in a text, for marking
 * them on the screen.
 *
 * A search is split into words at spaces, tabs and the ideographic space
 * (U+3000), as query_search() splits it.  text_match_spans() finds every
 * occurrence of every word in text, comparing ASCII letters without case
 * (as the search's index and LIKE do), and returns the byte ranges they
 * cover, sorted and merged where they touch or overlap.  A range never
 * splits a UTF-8 sequence of text.  Pure: no allocation, no state.
 */
#ifndef DUBAN_TEXT_TEXTMATCH_H
#define DUBAN_TEXT_TEXTMATCH_H

#include <stddef.h>

/* Length in bytes of a word separator at s (0: none). */
size_t text_word_separator(const char *s);

typedef struct text_span {
    size_t start, end; /* bytes [start, end) of the text */
} text_span;

/* Fills out (room for max) with the ranges of text where a word of query
 * occurs; returns how many (at most max: later ranges are dropped). */
size_t text_match_spans(const char *text, const char *query, text_span *out, size_t max);

#endif
