/* cli_commands.c - the table of subcommands: the one place that names
 * them, their arguments and help. */
#include "cli/cli.h"

const cli_command cli_commands[] = {
    {"list", "", "list the areas and items with status, due date and unit", NULL, "", 1, cmd_list},
    {"present", "[AREA]",
     "open the full-screen front end in presentation mode, one area per screen",
     "For the wall: a summary slide of all areas first (completion rate, progress\n"
     "bars, red/yellow/green lights per area), then one area per slide with its items\n"
     "in large type.  AREA (a number) starts on that area.  Left/Right, PgUp/PgDn,\n"
     "Space or h/l move between slides; Up/Down select an item and every edit key\n"
     "works; Esc or p returns to the outline.  Without a terminal it prints the\n"
     "report (duban report).",
     "", 1, cmd_present},
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
    {"undo", "", "revert the last edit of the plan (also after a restart)", NULL, "", 1, cmd_undo},
    {"redo", "", "re-apply the last undone edit", NULL, "", 1, cmd_redo},
    {"overdue", "", "list items and milestones past due and not done, most overdue first", NULL, "",
     1, cmd_overdue},
    {"history", "[REF]", "list the edits of the plan (or of one item), newest first", NULL, "", 1,
     cmd_history},
    {"search", "TEXT", "find items whose title, body or notes contain TEXT", NULL, "", 1,
     cmd_search},
    {"import", "FILE [--year Y] [--dry-run]", "import another plan into the database",
     "The plan becomes the default (most recent) plan; --plan chooses another.\n"
     "Without --year the year is read from the file.  --dry-run prints the tree\n"
     "that would be stored (--format json: as data) and writes nothing.  What\n"
     "was not understood is printed on stderr as FILE:LINE: warnings.",
     "year,dry-run", 0, cmd_import},
    {"plans", "", "list the plans in the database, newest first", NULL, "", 0, cmd_plans},
    {"config", "[--dump]", "show where the configuration file is; --dump prints the effective one",
     "--dump prints the built-in defaults merged with your file as an INI file (see\n"
     "duban.ini(5)); redirect it to a file to start your own configuration.\n"
     "Does not open the database.",
     "dump", 0, cmd_config},
    {"meeting", "start|end|list|current",
     "open or close a review meeting (调度会); edits in it belong to it",
     "duban meeting start TITLE [--date D] | end | list | current\n"
     "start opens a meeting dated D (YYYY-MM-DD, default today); only one meeting of a\n"
     "plan can be open.  end closes it.  list shows the plan's meetings with their\n"
     "numbers and net changes; current shows the open one.\n"
     "Exit status: 2 when a meeting is already open (start), none is open (end),\n"
     "or the title or date is bad.",
     "date", 1, cmd_meeting},
    {"changes", "[--meeting N|--since-last]",
     "list a meeting's net changes: item, field, old, new, note, time",
     "Without options: the open meeting, else the most recent one.  --since-last:\n"
     "everything since the last meeting ended (since import if there was none).\n"
     "Changes are net: an edit undone (or set back) in the same meeting is not one.\n"
     "Exit status: 3 when there is no such meeting, 2 for bad options.",
     "meeting,since-last", 1, cmd_changes},
    {"minutes", "[MEETING]", "write a meeting's minutes (会议纪要): --format md, html or csv",
     "MEETING is a number from 'duban meeting list'; default: the open meeting, else\n"
     "the most recent.  Sections: per-area progress and lights, the meeting's changes,\n"
     "overdue items by unit, items with no progress reported, numeric targets.\n"
     "md (the default) is Markdown; html is one self-contained printable A4 page;\n"
     "csv is one table with a section column.  Figures are as of today (--today).\n"
     "Exit status: 3 when there is no such meeting, 2 for another format.",
     "", 1, cmd_minutes},
    {"report", "[--by GROUP]", "completion and lights (亮灯) per area, unit or leader (通报)",
     "GROUP is area (the default), unit or leader; --format text, md, csv or json.\n"
     "Lights: (!) 红灯 past due and not done, or 受阻; (~) 黄灯 due within the warning\n"
     "window (warn_days, default 14) or 滞后; (o) 绿灯 otherwise.  An approved\n"
     "extension replaces the due date.  Units and leaders are ranked worst first\n"
     "(most red, most yellow, lowest completion); items with no unit or leader\n"
     "are grouped as （未指定）, last.  Exit status: 2 for an unknown --by.",
     "by", 1, cmd_report},
    {"extend", "REF DATE --reason TEXT",
     "record an approved extension (延期) of an item's due date",
     "The original due date is kept and shown beside the new one; overdue, lights\n"
     "and reports use the extension.  The reason is kept as a progress note.\n"
     "DATE \"\" withdraws the extension.  'duban undo' reverts it.\n"
     "Exit status: 2 for a bad date, a missing reason or an area, 3 for an unknown REF.",
     "reason", 1, cmd_extend},
    {"progress", "REF LABEL VALUE [--note TEXT]",
     "report a numeric target's value, e.g. progress 8.2 美丽乡村 9",
     "Targets are found in the item's text when the plan is imported (e.g.\n"
     "新时代美丽乡村17个); LABEL matches a target's label or a unique part of it.\n"
     "VALUE is a number (\"\" clears it).  'duban show REF' lists the targets;\n"
     "'duban undo' reverts.  Exit status: 2 for a bad value or an ambiguous label,\n"
     "3 for an unknown REF or label.",
     "note", 1, cmd_progress},
};

const size_t cli_command_count = sizeof cli_commands / sizeof cli_commands[0];
