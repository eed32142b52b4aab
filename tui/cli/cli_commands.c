/* cli_commands.c - the table of subcommands: the one place that names
 * them, their arguments, options, formats and help.  Parsing, --help,
 * the man page check (tests/man/keys.sh) and bash completion (through
 * `duban __options CMD`) all read it.  Options are defined in
 * cli_options.def. */
#include "cli/cli.h"

const cli_command cli_commands[] = {
    {.name = "list",
     .summary = "list the areas and items with status, due date and unit",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .run = cmd_list},
    {.name = "present",
     .usage = "[AREA]",
     .summary = "open the full-screen front end in presentation mode, one area per screen",
     .help = "For the wall: a summary slide of all areas first (completion rate, progress\n"
             "bars, red/yellow/green lights per area), then one area per slide with its items\n"
             "in large type.  AREA (a number) starts on that area.  Left/Right, PgUp/PgDn,\n"
             "Space or h/l move between slides; Up/Down select an item and every edit key\n"
             "works; Esc or p returns to the outline.  Without a terminal it prints the\n"
             "report (duban report), in --format.",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_present},
    {.name = "show",
     .usage = "REF",
     .summary = "show an item: body, status, due, unit, leader, milestones, notes, history",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_show},
    {.name = "set",
     .usage = "REF STATUS",
     .summary = "set an item's status (by name 已完成, key done, or number 5)",
     .help =
         "Statuses: 1 未启动 not_started, 2 推进中 in_progress, 3 滞后 behind, 4 受阻 blocked,\n"
         "5 已完成 done.  The note is kept as a progress note on the item.",
     .options = CLI_OPT(note),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_set},
    {.name = "due",
     .usage = "REF DATE",
     .summary = "set an item's due date (YYYY-MM-DD)",
     .options = CLI_OPT(note),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_due},
    {.name = "unit",
     .usage = "REF TEXT",
     .summary = "set an item's responsible unit (\"\" clears it)",
     .options = CLI_OPT(note),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_unit},
    {.name = "leader",
     .usage = "REF TEXT",
     .summary = "set an item's leader in charge (\"\" clears it)",
     .options = CLI_OPT(note),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_leader},
    {.name = "note",
     .usage = "REF TEXT",
     .summary = "add a dated progress note to an item",
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_note},
    {.name = "undo",
     .summary = "revert the last edit of the plan (also after a restart)",
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_undo},
    {.name = "redo",
     .summary = "re-apply the last undone edit",
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_redo},
    {.name = "overdue",
     .summary = "list items and milestones past due and not done, most overdue first",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_overdue},
    {.name = "history",
     .usage = "[REF]",
     .summary = "list the edits of the plan (or of one item), newest first",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .run = cmd_history},
    {.name = "search",
     .usage = "TEXT",
     .summary = "find items whose title, body or notes contain TEXT",
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .run = cmd_search},
    {.name = "import",
     .usage = "FILE",
     .summary = "import another plan into the database",
     .help = "The plan becomes the default (most recent) plan; --plan chooses another.\n"
             "Without --year the year is read from the file.",
     .options = CLI_OPT(year),
     .formats = CLI_FMT_TEXT,
     .run = cmd_import},
    {.name = "plans",
     .summary = "list the plans in the database, newest first",
     .formats = CLI_FMT_TABLE,
     .run = cmd_plans},
    {.name = "config",
     .summary = "show where the configuration file is; --dump prints the effective one",
     .help = "--dump prints the built-in defaults merged with your file as an INI file (see\n"
             "duban.ini(5)); redirect it to a file to start your own configuration.\n"
             "Does not open the database.",
     .options = CLI_OPT(dump),
     .formats = CLI_FMT_TEXT,
     .run = cmd_config},
    {.name = "meeting",
     .usage = "start|end|list|current",
     .summary = "open or close a review meeting (调度会); edits in it belong to it",
     .help = "duban meeting start TITLE [--date D] | end | list | current\n"
             "start opens a meeting dated D (YYYY-MM-DD, default today); only one meeting of a\n"
             "plan can be open.  end closes it.  list shows the plan's meetings with their\n"
             "numbers and net changes (in any --format); current shows the open one.\n"
             "Exit status: 2 when a meeting is already open (start), none is open (end),\n"
             "or the title or date is bad.",
     .options = CLI_OPT(date),
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_meeting},
    {.name = "changes",
     .summary = "list a meeting's net changes: item, field, old, new, note, time",
     .help = "Without options: the open meeting, else the most recent one.  --since-last:\n"
             "everything since the last meeting ended (since import if there was none).\n"
             "Changes are net: an edit undone (or set back) in the same meeting is not one.\n"
             "Exit status: 3 when there is no such meeting, 2 for bad options.",
     .options = CLI_OPT(meeting) | CLI_OPT(since_last),
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .run = cmd_changes},
    {.name = "minutes",
     .usage = "[MEETING]",
     .summary = "write a meeting's minutes (会议纪要): --format md, html or csv",
     .help = "MEETING is a number from 'duban meeting list'; default: the open meeting, else\n"
             "the most recent.  Sections: per-area progress and lights, the meeting's changes,\n"
             "overdue items by unit, items with no progress reported, numeric targets.\n"
             "md (the default) is Markdown; html is one self-contained printable A4 page;\n"
             "csv is one table with a section column.  Figures are as of today (--today).\n"
             "Exit status: 3 when there is no such meeting, 2 for another format.",
     .formats = CLI_FMT(FORMAT_MD) | CLI_FMT_HTML | CLI_FMT(FORMAT_CSV),
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_minutes},
    {.name = "report",
     .summary = "completion and lights (亮灯) per area, unit or leader (通报)",
     .help = "GROUP is area (the default), unit or leader; --format text, md, csv or json.\n"
             "Lights: (!) 红灯 past due and not done, or 受阻; (~) 黄灯 due within the warning\n"
             "window (warn_days, default 14) or 滞后; (o) 绿灯 otherwise.  An approved\n"
             "extension replaces the due date.  Units and leaders are ranked worst first\n"
             "(most red, most yellow, lowest completion); items with no unit or leader\n"
             "are grouped as （未指定）, last.  Exit status: 2 for an unknown --by.",
     .options = CLI_OPT(by),
     .formats = CLI_FMT_TABLE,
     .needs_plan = 1,
     .dated = 1,
     .run = cmd_report},
    {.name = "extend",
     .usage = "REF DATE --reason TEXT",
     .summary = "record an approved extension (延期) of an item's due date",
     .help = "The original due date is kept and shown beside the new one; overdue, lights\n"
             "and reports use the extension.  The reason is kept as a progress note.\n"
             "DATE \"\" withdraws the extension.  'duban undo' reverts it.\n"
             "Exit status: 2 for a bad date, a missing reason or an area, 3 for an unknown "
             "REF.",
     .options = CLI_OPT(reason),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_extend},
    {.name = "progress",
     .usage = "REF LABEL VALUE",
     .summary = "report a numeric target's value, e.g. progress 8.2 美丽乡村 9",
     .help = "Targets are found in the item's text when the plan is imported (e.g.\n"
             "新时代美丽乡村17个); LABEL matches a target's label or a unique part of it.\n"
             "VALUE is a number (\"\" clears it).  'duban show REF' lists the targets;\n"
             "'duban undo' reverts.  Exit status: 2 for a bad value or an ambiguous label,\n"
             "3 for an unknown REF or label.",
     .options = CLI_OPT(note),
     .formats = CLI_FMT_TEXT,
     .needs_plan = 1,
     .run = cmd_progress},
    {.name = "check",
     .summary = "check the database: SQLite's integrity, and items against their history",
     .help = "Runs SQLite's integrity and foreign-key checks, then checks that every item's\n"
             "status, due date, unit, leader, extension and targets equal the last change\n"
             "recorded in its history, and that progress notes match the edits that made\n"
             "them.  Opens the database read-only.  Prints one line per problem.\n"
             "Exit status: 0 when sound, 6 when a problem is found or the file is damaged.",
     .formats = CLI_FMT_TEXT,
     .run = cmd_check},
};

const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];
