/* cli_db.c - finding, creating and opening the database for a command. */
#include "cli/cli.h"

#include "store/plan_status.h"

#include "store/builtin.h"
#include "import/import.h"
#include "plan/date.h"
#include "query/query.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_default_db_path(char *out, size_t outsz, duban_error *err)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(out, outsz, "%s/duban/duban.db", xdg);
    else if (home && *home)
        n = snprintf(out, outsz, "%s/.local/share/duban/duban.db", home);
    else
        return duban_fail(err, DUBAN_EIO, "neither XDG_DATA_HOME nor HOME is set; use --db PATH");
    if (n < 0 || (size_t)n >= outsz)
        return duban_fail(err, DUBAN_EIO, "database path too long");
    return DUBAN_OK;
}

/* mkdir -p for the directory part of path. */
static int make_parent_dirs(const char *path, duban_error *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return DUBAN_OK;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return duban_fail(err, DUBAN_EIO, "cannot create directory %s: %s", dir,
                              strerror(errno));
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return duban_fail(err, DUBAN_EIO, "cannot create directory %s: %s", dir, strerror(errno));
    return DUBAN_OK;
}

static int seed_builtin(cli_ctx *ctx, duban_error *err)
{
    plan_doc doc;
    int rc = import_parse("built-in plan", builtin_plan_haiyan, builtin_plan_haiyan_len, 0,
                          ctx->today, &doc, err);
    if (rc)
        return rc;
    rc = store_add_plan(ctx->st, &doc, NULL, err);
    if (!rc) {
        /* short, for 80 columns: the title is in every listing */
        cli_warn("created %s with the built-in plan", ctx->db_path);
        ctx->created_db = 1;
    }
    plan_doc_free(&doc);
    return rc;
}

/* Is the database's only plan the built-in sample?  Compares its title and
 * period with the built-in plan's. */
static int only_the_sample(cli_ctx *ctx, int *yes, duban_error *err)
{
    plan_list l;
    *yes = 0;
    int rc = plan_list_headers(ctx->st, &l, err);
    if (rc)
        return rc;
    const plan_info *p = l.v;
    *yes = l.n == 1 && !strcmp(p->title, BUILTIN_PLAN_TITLE) &&
           !strcmp(p->start, BUILTIN_PLAN_START) && !strcmp(p->end, BUILTIN_PLAN_END);
    plan_list_free(&l);
    return DUBAN_OK;
}

/* The sample plan alone, and no --today or DUBAN_TODAY: show it on a day
 * inside its period. */
static int sample_day(cli_ctx *ctx, duban_error *err)
{
    int yes = 0;
    int rc = ctx->today_set ? DUBAN_OK : only_the_sample(ctx, &yes, err);
    if (!rc && yes && !(rc = date_parse(CLI_SAMPLE_TODAY, &ctx->today, err)))
        ctx->sample_today = 1;
    return rc;
}

int cli_open_store(cli_ctx *ctx, int resolve_plan, int create_with_builtin, duban_error *err)
{
    if (!ctx->db_explicit && cli_default_db_path(ctx->db_path, sizeof ctx->db_path, err))
        return err->code;
    struct stat sb;
    int fresh = stat(ctx->db_path, &sb) != 0;
    /* Only the default location is created on demand; an explicit --db
     * directory must exist, so a typo cannot scatter databases around. */
    if (fresh && !ctx->db_explicit && make_parent_dirs(ctx->db_path, err))
        return err->code;
    /* A missing file is made (and filled with the built-in plan); an
     * existing one is opened as it is: read-only when it or its directory
     * cannot be written (edits then fail saying why), and an empty file
     * becomes a database only by an import. */
    char why[256];
    int flags = fresh || !create_with_builtin ? STORE_CREATE : 0;
    if (!fresh && !store_can_write(ctx->db_path, why, sizeof why))
        flags = STORE_READONLY;
    /* the progress line from the start: an older file's upgrade may
     * rebuild indexes of the whole plan */
    int rc =
        store_open_progress(ctx->db_path, flags, cli_progress_get(&ctx->progress), &ctx->st, err);
    if (rc)
        return rc;
    ctx->fresh_db = fresh;
    store_set_now(ctx->st, ctx->now);
    /* a command reads its rows once: through a map, not a pread a page;
     * not the front end, where the mapped pages would stay resident */
    if (ctx->map_file && (rc = store_map_file(ctx->st, err)))
        return rc;
    if (ctx->config)
        store_set_statuses(ctx->st, &ctx->config->statuses);
    if (fresh && create_with_builtin && (rc = seed_builtin(ctx, err))) {
        store_close(ctx->st);
        ctx->st = NULL;
        unlink(ctx->db_path);
        return rc;
    }
    if (resolve_plan && (rc = plan_resolve(ctx->st, ctx->plan_sel, &ctx->plan_id, err)))
        return rc;
    /* The plan's own status set, unless the configuration defines one. */
    if (resolve_plan && ctx->config &&
        (rc = store_use_plan_statuses(ctx->st, ctx->plan_id, &ctx->config->statuses,
                                      ctx->config->statuses_from_user, err)))
        return rc;
    return sample_day(ctx, err);
}

void cli_discard_fresh_store(cli_ctx *ctx)
{
    if (!ctx->fresh_db || !ctx->st)
        return;
    store_close(ctx->st);
    ctx->st = NULL;
    ctx->fresh_db = 0;
    char side[sizeof ctx->db_path + 8];
    unlink(ctx->db_path);
    snprintf(side, sizeof side, "%s-wal", ctx->db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", ctx->db_path);
    unlink(side);
}
