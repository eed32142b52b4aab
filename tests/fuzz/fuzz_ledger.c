/* libFuzzer target: the ledger (台账) reader, CSV and XLSX, on any bytes:
 * the same input is read as FILE.csv and as FILE.xlsx.  A plan or one
 * clear error, never a crash; a plan's tree is well formed. */
#include "import/ledger_import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char csv_path[64], xlsx_path[64];

static void remove_files(void)
{
    unlink(csv_path);
    unlink(xlsx_path);
}

static void read_as(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, size, f);
    fclose(f);
    plan_doc doc;
    ledger_warnings warn = {0};
    duban_error err = {0};
    int rc = ledger_import_file(path, 2021, status_defaults(), &doc, &warn, &err);
    if (rc == DUBAN_OK) {
        for (size_t i = 0; i < doc.nnodes; i++) {
            const doc_node *n = &doc.nodes[i];
            if (n->depth < 1 || n->depth > 3 || n->parent >= (int)i || !n->title)
                abort();
        }
        plan_doc_free(&doc);
    } else if (!err.msg[0]) {
        abort();
    }
    ledger_warnings_free(&warn);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!csv_path[0]) {
        snprintf(csv_path, sizeof csv_path, "/tmp/duban-fuzz-ledger-%ld.csv", (long)getpid());
        snprintf(xlsx_path, sizeof xlsx_path, "/tmp/duban-fuzz-ledger-%ld.xlsx", (long)getpid());
        atexit(remove_files);
    }
    read_as(csv_path, data, size);
    read_as(xlsx_path, data, size);
    return 0;
}
