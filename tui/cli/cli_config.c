/* cli_config.c - loading the configuration for a run, and `duban config`. */
#include "cli/cli.h"

#include "screen/keymap.h"
#include "text/textwidth.h"

#include <stdio.h>
#include <string.h>

int cli_load_config(cli_ctx *ctx, duban_error *err)
{
    if (ctx->config)
        return DUBAN_OK;
    size_t nactions;
    const config_action *actions = keymap_actions(&nactions);
    duban_config *cfg;
    int rc = config_load(ctx->config_path, &ctx->env, actions, nactions, &cfg, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < cfg->nwarnings; i++)
        cli_warn("%s", cfg->warnings[i]);
    ctx->measure.ambiguous = cfg->ambiguous_width;
    if (!ctx->db_explicit && cfg->database[0]) {
        /* like --db: the directory must exist, so a typo creates nothing */
        snprintf(ctx->db_path, sizeof ctx->db_path, "%s", cfg->database);
        ctx->db_explicit = 1;
    }
    ctx->config = cfg;
    return DUBAN_OK;
}

void cli_free_config(cli_ctx *ctx)
{
    /* the config was allocated by cli_load_config(); const only for readers */
    config_free((duban_config *)ctx->config);
    ctx->config = NULL;
}

int cmd_config(cli_ctx *ctx, const cli_args *args, duban_error *err)
{
    if (args->npos)
        return duban_fail(err, DUBAN_EINVAL,
                          "config takes no arguments (see 'duban config --help')");
    const duban_config *cfg = ctx->config;
    strbuf sb = {0};
    int rc;
    if (args->dump)
        rc = config_dump(cfg, &sb);
    else if (!cfg->path[0])
        rc = strbuf_append(&sb, "no configuration file (neither XDG_CONFIG_HOME nor HOME is "
                                "set); built-in defaults\n");
    else
        rc = strbuf_printf(&sb, "%s (%s)\n", cfg->path,
                           cfg->user_file ? "read" : "not found: built-in defaults");
    if (rc) {
        strbuf_free(&sb);
        return duban_fail(err, DUBAN_ENOMEM, "out of memory");
    }
    rc = cli_emit(&sb, err);
    strbuf_free(&sb);
    return rc;
}
