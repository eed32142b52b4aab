/* ini.h - a line index of an INI file, for messages that name FILE:LINE.
 *
 * iniparser reads the values but gives no line numbers and only a
 * "syntax error" for a malformed file.  ini_scan() reads the same text
 * line by line with iniparser 4.1's rules (keys and section names are
 * stripped and lower-cased; "quoted" and 'quoted' values are kept
 * verbatim; unquoted values end at ';' or '#' and are stripped; a line
 * ending in '\' continues on the next) and records every section and
 * key with its line, in file order, and the value as iniparser would
 * read it.  config.c uses iniparser's values for user files and this
 * index for positions, order and errors.
 *
 * A line that is not blank, a comment (# or ;), a [section] or
 * key = value is an error naming FILE:LINE (DUBAN_ECONFIG), as is a
 * line longer than INI_LINE_MAX bytes (iniparser refuses those).
 * A UTF-8 byte-order mark at the start is skipped.
 */
#ifndef DUBAN_INI_H
#define DUBAN_INI_H

#include "base/error.h"
#include "base/strbuf.h"

#include <stddef.h>

#define INI_LINE_MAX 1000

typedef struct ini_section {
    char *name; /* lower-cased, "" for keys before any section */
    int line;   /* of its first [name] header, 0 for "" */
} ini_section;

typedef struct ini_entry {
    size_t section; /* index into doc->sec */
    char *key;      /* lower-cased */
    char *value;    /* as iniparser reads it */
    int line;       /* of the last assignment (the one that counts) */
} ini_entry;

typedef struct ini_doc {
    ini_section *sec; /* sec[0] is the "" section */
    size_t nsec;
    ini_entry *ent; /* in file order of first assignment */
    size_t nent;
    int bom; /* the text started with a UTF-8 byte-order mark */
} ini_doc;

/* Indexes len bytes of text; file names the text in messages.  On
 * failure doc is empty (and needs no ini_doc_free). */
int ini_scan(const char *file, const char *text, size_t len, ini_doc *doc, duban_error *err);
void ini_doc_free(ini_doc *doc);

/* The entry for section/key (lower-case names), or NULL. */
const ini_entry *ini_find(const ini_doc *doc, const char *section, const char *key);
/* Index of the section named name, or -1. */
long ini_section_index(const ini_doc *doc, const char *name);
/* Replaces an entry's value (copied).  Returns DUBAN_OK or DUBAN_ENOMEM. */
int ini_set_value(ini_entry *e, const char *value);

/* Appends "key = value\n" with value written so that iniparser reads it
 * back unchanged (quoted when needed). */
int ini_append_pair(strbuf *sb, const char *key, const char *value);

#endif
