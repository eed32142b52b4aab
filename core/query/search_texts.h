/* search_texts.h - the searchable text of every node held in memory, for
 * searches the trigram index cannot serve (every word under 3 characters).
 *
 * search_texts_load() copies the FTS5 index's own copy of each node's
 * text (title, body, notes, unit, leader) in one pass over that table,
 * ASCII letters in lower case, each character as a number of 1 to 3 bytes
 * (1 for the first 127 distinct characters), with a list per character of
 * the nodes holding it: about the text's characters in bytes plus 12 a
 * node (10 MB at 100,000 generated items).  search_texts_find() then
 * answers such a search from memory with the ids query_search_candidates()
 * would give (in no order; other plans' and removed nodes' ids included:
 * the caller keeps those of its outline).  The copy does not follow later
 * edits: the caller frees it (search_texts_free, NULL is fine) before the
 * text can change; the front end holds one for the length of a search. */
#ifndef DUBAN_QUERY_SEARCH_TEXTS_H
#define DUBAN_QUERY_SEARCH_TEXTS_H

#include "query/query.h"

typedef struct search_texts search_texts;

/* 1 when text has 1 to 16 words, all under 3 characters, and is well
 * formed UTF-8 (a malformed byte is left to query_search_candidates). */
int search_texts_serves(const char *text);
/* DUBAN_EDB / DUBAN_ENOMEM on failure, DUBAN_EINVAL when the texts hold
 * more than 65,535 distinct characters (*out NULL in each case: ask
 * query_search_candidates instead). */
int search_texts_load(store *st, search_texts **out, duban_error *err);
/* The same load in steps, for a caller with idle time: each call reads
 * up to rows more nodes (0: all the rest; in id order) into *t, made at
 * the first call (*t NULL); *done is set once every node is read and the
 * lists are built: only then may *t be searched.  Rows written between
 * two steps may be missed (as by any later edit).  On failure *t is freed
 * and NULL. */
int search_texts_load_step(store *st, search_texts **t, size_t rows, int *done, duban_error *err);
/* 1 when t is loaded to the end. */
int search_texts_complete(const search_texts *t);
/* text must be one search_texts_serves() accepts and t complete
 * (DUBAN_EINVAL else);
 * fills out (free with id_list_free). */
int search_texts_find(const search_texts *t, const char *text, id_list *out, duban_error *err);
void search_texts_free(search_texts *t);

#endif
