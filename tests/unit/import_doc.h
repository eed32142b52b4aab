/* import_doc.h - what the importer tests (test_import*.c) ask of a parsed
 * plan document.  Each call fails the running cmocka test when the
 * importer fails or the node is not there. */
#ifndef DUBAN_TEST_IMPORT_DOC_H
#define DUBAN_TEST_IMPORT_DOC_H

#include "import/import.h"
#include "plan/date.h"

#include <stddef.h>

/* The today the caller passes (the executable: --today, DUBAN_TODAY or
 * the clock). */
#define TODAY date_from_ymd(2021, 10, 1)

/* text parsed as the file "t.txt" for year (0: found in the text). */
void parse_ok(const char *text, int year, plan_doc *doc);
void import_ok(const char *path, int year, plan_doc *doc);
/* How many nodes of doc have depth (1 area, 2 item, 3 sub-item). */
size_t count_depth(const plan_doc *doc, int depth);
/* The node with ref "a", "a.i" or "a.i.s" (1-based, document order). */
const doc_node *node_ref(const plan_doc *doc, const char *ref);
/* How many nodes have parent as their parent. */
size_t children(const plan_doc *doc, const doc_node *parent);

#endif
