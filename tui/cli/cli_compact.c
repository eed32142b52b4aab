/* cli_compact.c - `duban compact`: the database rewritten compactly, with
 * the page size new files get (core/store/store_compact.h). */
#include "cli/cli.h"

#include "store/store_compact.h"

int cmd_compact(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL, "usage: duban compact");
    if (!ctx->db_explicit && cli_default_db_path(ctx->db_path, sizeof ctx->db_path, err))
        return err->code;
    store *st;
    int rc = store_open_progress(ctx->db_path, 0, cli_progress_get(&ctx->progress), &st, err);
    if (rc)
        return rc;
    store_compact_sizes sz;
    rc = store_compact(st, &sz, err);
    store_close(st);
    if (rc)
        return rc;
    return cli_say(err, "%s: compacted, %.1f MB -> %.1f MB, pages of %d bytes (were %d)",
                   ctx->db_path, (double)sz.bytes_before / 1e6, (double)sz.bytes_after / 1e6,
                   sz.page_after, sz.page_before);
}
