/* libFuzzer target: the plan importer (import_parse) on any bytes, with
 * the year taken from the file or given.  A parsed plan must be
 * consistent: parents before children, depths 1..3, dates well formed. */
#include "import/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    for (int pass = 0; pass < 2; pass++) {
        plan_doc doc;
        duban_error err = {0};
        if (import_parse("fuzz.txt", text, size, pass ? 2021 : 0, date_from_ymd(2021, 10, 1), &doc,
                         &err) != DUBAN_OK)
            continue;
        for (size_t i = 0; i < doc.nnodes; i++) {
            const doc_node *n = &doc.nodes[i];
            if (n->depth < 1 || n->depth > 3 || n->parent >= (int)i || !n->title ||
                (n->parent < 0) != (n->depth == 1))
                abort();
            for (size_t m = 0; m < n->nms; m++)
                if (date_parse(n->ms[m].due, NULL, NULL) != DUBAN_OK)
                    abort();
        }
        plan_doc_free(&doc);
    }
    free(text);
    return 0;
}
