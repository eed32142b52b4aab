/* libFuzzer target: the change-file reader of sync (sync/sync_internal.h)
 * on any bytes.  A decoded file or one clear refusal, never a crash; a
 * decoded file encodes again and decodes to the same rows. */
#include "sync/sync_internal.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    change_file cf;
    duban_error err = {0};
    if (change_file_decode("fuzz.duban", (const char *)data, size, &cf, &err) != DUBAN_OK) {
        if (!err.msg[0])
            abort(); /* a refusal always says why */
        return 0;
    }
    strbuf again = {0};
    if (change_file_encode(&cf, &again, &err) == DUBAN_OK) {
        change_file back;
        if (change_file_decode("again.duban", strbuf_str(&again), again.len, &back, &err) !=
                DUBAN_OK ||
            back.nrows != cf.nrows || back.nseen != cf.nseen || back.nranges != cf.nranges)
            abort(); /* what we write we read back */
        change_file_free(&back);
    }
    strbuf_free(&again);
    change_file_free(&cf);
    return 0;
}
