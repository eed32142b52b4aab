/* cli_commands.c - the table of subcommands: the one place that names
 * them, their arguments and help. */
#include "cli.h"

const cli_command cli_commands[] = {
    {"list", "", "list the areas and items with status, due date and unit", NULL, "", 1,
     cmd_list},
    {"show", "REF", "show an item: body, status, due, unit, leader, milestones, notes, history",
     NULL, "", 1, cmd_show},
    {"set", "REF STATUS [--note TEXT]",
     "set an item's status (by name 已完成, key done, or number 5)",
     "Statuses: 1 未启动 not_started, 2 推进中 in_progress, 3 滞后 behind, 4 受阻 blocked,\n"
     "5 已完成 done.  The note is kept as a progress note on the item.",
     "note", 1, cmd_set},
    {"due", "REF DATE [--note TEXT]", "set an item's due date (YYYY-MM-DD)", NULL, "note", 1,
     cmd_due},
    {"unit", "REF TEXT [--note TEXT]", "set an item's responsible unit (\"\" clears it)", NULL,
     "note", 1, cmd_unit},
    {"leader", "REF TEXT [--note TEXT]", "set an item's leader in charge (\"\" clears it)", NULL,
     "note", 1, cmd_leader},
    {"note", "REF TEXT", "add a dated progress note to an item", NULL, "", 1, cmd_note},
    {"undo", "", "revert the last edit of the plan (also after a restart)", NULL, "", 1,
     cmd_undo},
    {"redo", "", "re-apply the last undone edit", NULL, "", 1, cmd_redo},
    {"overdue", "", "list items and milestones past due and not done, most overdue first", NULL,
     "", 1, cmd_overdue},
    {"history", "[REF]", "list the edits of the plan (or of one item), newest first", NULL, "",
     1, cmd_history},
    {"search", "TEXT", "find items whose title, body or notes contain TEXT", NULL, "", 1,
     cmd_search},
    {"import", "FILE [--year Y]", "import another plan into the database",
     "The plan becomes the default (most recent) plan; --plan chooses another.\n"
     "Without --year the year is read from the file.",
     "year", 0, cmd_import},
    {"plans", "", "list the plans in the database, newest first", NULL, "", 0, cmd_plans},
};

const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];
