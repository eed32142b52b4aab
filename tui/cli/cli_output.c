/* cli_output.c - the one way the command line writes: every line that
 * carries data goes through text_sanitize() (tables sanitise their cells). */
#include "cli/cli.h"

#include "base/strbuf.h"
#include "text/table_writer.h"
#include "text/textwidth.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int cli_emit(const strbuf *sb, duban_error *err)
{
    const char *s = strbuf_str(sb);
    if (fwrite(s, 1, sb->len, stdout) != sb->len || fflush(stdout) != 0)
        return duban_fail(err, DUBAN_EIO, "cannot write output");
    return DUBAN_OK;
}

/* The UTF-8 mark a CSV file starts with (Excel, WPS), unless told not to. */
static int emit_bom(cli_ctx *ctx, duban_error *err)
{
    int bom = ctx->format == FORMAT_CSV && !ctx->format_html && !ctx->no_bom &&
              (!ctx->config || ctx->config->csv_bom);
    if (bom && fputs(TABLE_CSV_BOM, stdout) == EOF)
        return duban_fail(err, DUBAN_EIO, "cannot write output");
    return DUBAN_OK;
}

int cli_emit_data(cli_ctx *ctx, const strbuf *sb, duban_error *err)
{
    return emit_bom(ctx, err) ? DUBAN_EIO : cli_emit(sb, err);
}

int cli_data_begin(cli_ctx *ctx, duban_error *err)
{
    return emit_bom(ctx, err);
}

int cli_write_chunk(void *arg, const strbuf *sb)
{
    (void)arg;
    return fwrite(strbuf_str(sb), 1, sb->len, stdout) != sb->len;
}

/* A table's end: rc (a renderer's DUBAN_ENOMEM or DUBAN_EIO said in
 * err), or what is left in sb written; sb freed. */
static int end_table(int rc, strbuf *sb, duban_error *err)
{
    if (rc == DUBAN_EIO)
        rc = duban_fail(err, DUBAN_EIO, "cannot write output");
    else if (rc == DUBAN_ENOMEM)
        rc = duban_fail(err, DUBAN_ENOMEM, "out of memory");
    else if (!rc)
        rc = cli_emit(sb, err);
    strbuf_free(sb);
    return rc;
}

int cli_emit_table(cli_ctx *ctx, const table *t, duban_error *err)
{
    if (emit_bom(ctx, err))
        return DUBAN_EIO;
    strbuf sb = {0};
    return end_table(table_render_stream(t, ctx->format, &ctx->measure, &sb, cli_write_chunk, NULL),
                     &sb, err);
}

int cli_writer_start(cli_ctx *ctx, table_writer *tw, strbuf *sb, const table_column *cols,
                     size_t ncols, duban_error *err)
{
    if (emit_bom(ctx, err))
        return DUBAN_EIO;
    if (table_writer_init(tw, cols, ncols, ctx->format, &ctx->measure, sb, cli_write_chunk, NULL)) {
        table_writer_free(tw);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    return DUBAN_OK;
}

int cli_writer_finish(table_writer *tw, strbuf *sb, int rc, duban_error *err)
{
    if (!rc)
        rc = table_writer_end(tw);
    table_writer_free(tw);
    return end_table(rc, sb, err);
}

static char *format_clean(const char *fmt, va_list ap)
{
    char line[4096];
    vsnprintf(line, sizeof line, fmt, ap);
    return text_sanitize(line);
}

int cli_say(duban_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *clean = format_clean(fmt, ap);
    va_end(ap);
    strbuf sb = {0};
    int rc = !clean || strbuf_append(&sb, clean) || strbuf_appendc(&sb, '\n')
                 ? duban_fail(err, DUBAN_ENOMEM, "out of memory")
                 : cli_emit(&sb, err);
    free(clean);
    strbuf_free(&sb);
    return rc;
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *clean = format_clean(fmt, ap);
    va_end(ap);
    fprintf(stderr, "duban: %s\n", clean ? clean : "out of memory");
    free(clean);
}

const char *cli_time(const cli_ctx *ctx, const char *iso, char when[TIMESTAMP_LEN])
{
    if ((ctx->format != FORMAT_TEXT && ctx->format != FORMAT_MD) || !iso || !*iso)
        return iso;
    date_local_time(iso, when);
    return when;
}
