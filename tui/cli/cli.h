/* cli.h - the duban command line: global options, subcommands, output.
 *
 * main() parses the global options (cli_parse_globals), finds the
 * subcommand in the table (cli_commands), opens the database when the
 * command needs one (cli_open_store) and calls its run function.  A run
 * function returns a core status code; main turns it into the exit status
 * with duban_exit_status() after printing err.msg as one line on stderr.
 */
#ifndef DUBAN_CLI_H
#define DUBAN_CLI_H

#include "cli/cli_progress.h"
#include "config/config.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "edit/edit.h"
#include "plan/date.h"
#include "plan/light.h"
#include "query/filter.h"
#include "store/store.h"
#include "text/table.h"
#include "plan/target.h"

#include <stdint.h>
#include <stdio.h>

#define CLI_MAX_ARGS 64

/* The command options, one member each, from cli_options.def: a value
 * option is the text given (NULL when absent), a flag is 1 when given. */
typedef struct cli_args {
    const char *pos[CLI_MAX_ARGS]; /* positional arguments after the command */
    int npos;
    int help; /* --help / -h */
#define CLI_OPTION(field, name, arg, help, words) const char *field;
#define CLI_FLAG(field, name, help) int field;
#include "cli/cli_options.def"
#undef CLI_OPTION
#undef CLI_FLAG
} cli_args;

/* The options' numbers, in cli_options.def order; CLI_OPT(field) is the
 * bit a command row sets to take that option. */
enum cli_option_id {
#define CLI_OPTION(field, name, arg, help, words) CLI_OPTION_##field,
#define CLI_FLAG(field, name, help) CLI_OPTION_##field,
#include "cli/cli_options.def"
#undef CLI_OPTION
#undef CLI_FLAG
    CLI_OPTION_COUNT
};
#define CLI_OPT(field) (UINT64_C(1) << CLI_OPTION_##field)
/* The filter options, taken by every command that lists items. */
#define CLI_OPTS_FILTER                                                                            \
    (CLI_OPT(unit) | CLI_OPT(leader) | CLI_OPT(where_status) | CLI_OPT(where_light) |              \
     CLI_OPT(due_within))

/* One option as the parser, --help and completion see it. */
typedef struct cli_option {
    const char *name;  /* "--note" */
    const char *arg;   /* "TEXT"; NULL for a flag */
    const char *help;  /* one line */
    const char *words; /* completions of the value: "" none, "@file" files, else words */
} cli_option;

/* The command options (cli_options.def), indexed by enum cli_option_id. */
extern const cli_option cli_options[CLI_OPTION_COUNT];
/* The global options (--db, --plan, --today, --format, --config), which
 * every command takes; terminated by a row with name NULL. */
extern const cli_option cli_globals[];

/* What --format a command honours: CLI_FMT(FORMAT_JSON) | ...  A command
 * refuses the others (cli_check_format()); html is minutes' only. */
#define CLI_FMT(f) (1u << (f))
#define CLI_FMT_HTML (1u << 4)
#define CLI_FMT_XLSX (1u << 5)            /* a workbook written to a file (duban export) */
#define CLI_FMT_TEXT CLI_FMT(FORMAT_TEXT) /* commands that print a line */
#define CLI_FMT_TABLE                                                                              \
    (CLI_FMT(FORMAT_TEXT) | CLI_FMT(FORMAT_CSV) | CLI_FMT(FORMAT_JSON) | CLI_FMT(FORMAT_MD))

typedef struct cli_ctx {
    char db_path[4096];
    int db_explicit;      /* --db given */
    const char *plan_sel; /* --plan */
    long today;           /* --today, DUBAN_TODAY, or the local date */
    enum table_format format;
    int format_set;
    store *st;       /* open after cli_open_store() */
    int64_t plan_id; /* resolved after cli_open_store() */
    int created_db;  /* cli_open_store() made the database just now */
    int fresh_db;    /* ... and the file was not there before (with or without a plan) */
    const char *argv0;
    const char *config_path;    /* --config FILE, or NULL */
    config_env env;             /* XDG_CONFIG_HOME and HOME, read by main() */
    const char *now;            /* DUBAN_NOW: the time stamp edits record, or NULL */
    text_measure measure;       /* ambiguous_width from the config (cli_load_config) */
    const duban_config *config; /* after cli_load_config(); never NULL then */
    int format_html;            /* --format html (only `duban minutes` accepts it) */
    int today_set;              /* --today or DUBAN_TODAY gave today */
    int sample_today;           /* today is CLI_SAMPLE_TODAY (see cli_open_store()) */
    int no_bom;                 /* --no-bom: CSV output without TABLE_CSV_BOM */
    int format_xlsx;            /* --format xlsx (duban export, minutes) */
    query_filter filter;        /* the filter options given to `duban present` */
    int map_file;               /* cli_open_store() maps the file (commands) */
    long progress_ms;           /* DUBAN_PROGRESS_MS: when long work shows progress */
    cli_progress progress;      /* long work's line on stderr (cli_progress.h) */
} cli_ctx;

/* The day the built-in sample plan (second half of 2021) is shown on when
 * the database holds nothing else and today was not given: inside its
 * period, with one item overdue, one due soon and the rest on time,
 * instead of every item red years later. */
#define CLI_SAMPLE_TODAY "2021-10-25"

/* One subcommand.  Adding a subcommand: its run function in the
 * cli_FAMILY.c of its family and one entry in cli_commands.def (which
 * also declares the function); a new option is a line in
 * cli_options.def. */
typedef struct cli_command {
    const char *name;
    const char *usage;   /* arguments, e.g. "REF STATUS"; the options follow from `options`
                          * (an option written here, because it is required, is not repeated) */
    const char *summary; /* one line */
    const char *help;    /* further lines for `duban CMD --help`, or NULL */
    uint64_t options;    /* the options it takes: CLI_OPT(note) | CLI_OPT(year) */
    unsigned formats;    /* the --format values it honours: CLI_FMT_TABLE, CLI_FMT_TEXT... */
    int needs_plan;      /* open the store and resolve the plan first */
    int dated;           /* what it prints depends on today (notes the sample's day) */
    int scans_plan;      /* reads every node in outline order: read(), not a file map */
    int own_store;       /* opens the database itself, or not at all (config, check, compact) */
    int (*run)(cli_ctx *ctx, const cli_args *args, duban_error *err);
} cli_command;

extern const cli_command cli_commands[];
extern const size_t cli_command_count;

/* Parses argv (after argv[0]): options anywhere, the first non-option
 * word is the command (*command, NULL if none), the rest go into args.
 * An option the command does not take (see its row) is refused.
 * Returns DUBAN_OK or DUBAN_EINVAL with a one-line message. */
int cli_parse(cli_ctx *ctx, int argc, char **argv, const char **command, cli_args *args,
              duban_error *err);
const cli_command *cli_find(const char *name);

/* Opens ctx->db_path, creating it from the built-in plan on first use
 * (create_with_builtin), and resolves --plan.  When the database holds
 * only the built-in sample plan and !ctx->today_set, sets ctx->today to
 * CLI_SAMPLE_TODAY and ctx->sample_today. */
int cli_open_store(cli_ctx *ctx, int resolve_plan, int create_with_builtin, duban_error *err);
/* Closes the store and removes its file, when cli_open_store() made that
 * file just now (fresh_db): an import that failed leaves no empty
 * database behind.  Does nothing otherwise. */
void cli_discard_fresh_store(cli_ctx *ctx);
/* The default database path: $XDG_DATA_HOME/duban/duban.db. */
int cli_default_db_path(char *out, size_t outsz, duban_error *err);

/* DUBAN_EINVAL with one line when --format was given and cmd does not
 * honour that format. */
int cli_check_format(const cli_ctx *ctx, const cli_command *cmd, duban_error *err);

/* Help (cli_help.c), all from the tables. */
void cli_print_usage(FILE *f);
void cli_print_command_help(FILE *f, const cli_command *cmd);
/* For completion (`duban __options [CMD]`): one line per option,
 * "NAME<TAB>ARG<TAB>WORDS" (ARG empty for a flag), the global options
 * first, then CMD's; without CMD every option of every command. */
void cli_print_options(FILE *f, const cli_command *cmd);
/* For completion (`duban __usage CMD`): the words of CMD's usage that
 * stand for its arguments, one a line, without brackets ("REF", "STATUS",
 * "start|end|list|current"). */
void cli_print_usage_words(FILE *f, const cli_command *cmd);
/* Runs `duban __options [CMD]` or `duban __usage CMD` (hidden: for
 * data/duban.bash) and returns 1, with *rc set on error; 0 for any other
 * command. */
int cli_hidden_command(const char *command, const cli_args *args, int *rc, duban_error *err);
/* Writes rendered output to stdout. */
int cli_emit(const strbuf *sb, duban_error *err);
/* The same for a command's data in ctx->format: CSV output starts with
 * TABLE_CSV_BOM unless --no-bom or the setting csv_bom = no. */
int cli_emit_data(cli_ctx *ctx, const strbuf *sb, duban_error *err);
/* The same written as it is made: begin writes the CSV mark as
 * cli_emit_data() does; cli_write_chunk is a table_flush_fn (text/table.h)
 * writing each piece to stdout (buffered); cli_emit() writes what is left
 * and flushes. */
int cli_data_begin(cli_ctx *ctx, duban_error *err);
int cli_write_chunk(void *arg, const strbuf *sb);
/* Writes one printf-style line, sanitised, to stdout. */
int cli_say(duban_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes "duban: " and one printf-style line, sanitised, to stderr. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Renders t in ctx->format to stdout. */
int cli_emit_table(cli_ctx *ctx, const table *t, duban_error *err);
/* A table written to stdout row by row as a command reads it
 * (text/table_writer.h), in ctx->format: start writes the CSV mark and
 * readies tw, whose rendered rows gather in sb (empty); finish takes the
 * walk's result rc, ends the table and writes the rest, frees tw and sb,
 * and returns rc or the first error (a writer's DUBAN_ENOMEM or
 * DUBAN_EIO set in err). */
struct table_writer;
int cli_writer_start(cli_ctx *ctx, struct table_writer *tw, strbuf *sb, const table_column *cols,
                     size_t ncols, duban_error *err);
int cli_writer_finish(struct table_writer *tw, strbuf *sb, int rc, duban_error *err);
/* Display name of a status key ("已完成"), or the key itself when unknown. */
/* A stored UTC timestamp as people read it, local time ("2021-10-25
 * 16:00") into when, for text and Markdown; the data formats (CSV, JSON)
 * keep the stored form.  Returns iso itself when not text. */
const char *cli_time(const cli_ctx *ctx, const char *iso, char when[TIMESTAMP_LEN]);
const char *cli_status_name(cli_ctx *ctx, const char *key);
/* The subcommands' run functions, int cmd_fn(ctx, args, err), one per row
 * of cli_commands.def, each in the cli_FAMILY.c of its family (cmd_present
 * in screen/tui.c).  A run function returns a core status code. */
#define CLI_COMMAND(fn, cmd_name, ...)                                                             \
    int cmd_##fn(cli_ctx *ctx, const cli_args *args, duban_error *err);
#include "cli/cli_commands.def"
#undef CLI_COMMAND
/* Editing the plan's structure (cli_structure.c, cli_body.c,
 * cli_milestone.c, cli_plans.c): `duban note REF --delete N` and
 * `duban plans VERB N ...`. */
int cli_note_delete(cli_ctx *ctx, const cli_args *args, duban_error *err);
int cli_plans_edit(cli_ctx *ctx, const cli_args *args, duban_error *err);
/* The node at ref; an old ref of a moved node fails naming where it went. */
int cli_node(cli_ctx *ctx, const char *ref, node *out, duban_error *err);
/* Appends what a structural edit did ("1.3 added", "1.2 milestone 1
 * done"); -1 (nothing appended) for a plain field edit. */
int cli_change_text(cli_ctx *ctx, const edit_result *r, strbuf *sb);
/* Runs $VISUAL / $EDITOR (else vi) on path and waits; DUBAN_EINVAL when it
 * exits non-zero.  The caller leaves curses first, if in it. */
int cli_run_editor(const char *path, duban_error *err);
/* The light rule in use: the defaults with the configuration's warn_days. */
void cli_light_rule(cli_ctx *ctx, light_rule *rule);
/* What `duban show` adds about lights, extensions and targets (cli_report.c).
 * cli_show_extra_load() reads it once (h is the node's history, for the
 * extension's reason); the renderers write text/Markdown lines, JSON
 * members (each followed by ", ") or CSV rows of the show table (section,
 * key, value, detail) and fail only with DUBAN_ENOMEM. */
typedef struct show_extra {
    light light;             /* the node's, or the worst of an area's items */
    char deadline[DATE_LEN]; /* what the light was judged on */
    char reason[512];        /* of the extension that stands, "" none */
    target_list targets;
} show_extra;
int cli_show_extra_load(cli_ctx *ctx, const node *n, const history_list *h, show_extra *x,
                        duban_error *err);
void cli_show_extra_free(show_extra *x);
int cli_show_extra_text(const show_extra *x, const node *n, strbuf *sb, int md);
int cli_show_extra_json(const show_extra *x, const node *n, strbuf *sb);
int cli_show_extra_csv(const show_extra *x, const node *n, table *t);

/* The 落款 of minutes and 通报: the configuration's issuer, "" none. */
const char *cli_issuer(const cli_ctx *ctx);

/* The filter options of args as a core filter (cli_filter.c); the texts
 * stay args' and the store's.  Call after cli_open_store() (statuses are
 * the store's).  DUBAN_EINVAL with one line for a bad value. */
int cli_filter(cli_ctx *ctx, const cli_args *args, query_filter *f, duban_error *err);

/* Loads the configuration (cli_config.c): --config FILE or the default
 * place, merged over the built-in defaults; prints its warnings to
 * stderr; applies ambiguous_width and the default database path.  Call
 * before opening the store or the terminal.  cli_free_config() at exit. */
int cli_load_config(cli_ctx *ctx, duban_error *err);
void cli_free_config(cli_ctx *ctx);

#endif
