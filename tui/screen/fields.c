/* fields.c - the lookups of fields.def (see fields.h). */
#include "screen/fields.h"

#include <stddef.h>

typedef struct field_info {
    edit_field field;
    const char *label;
    const char *change_label; /* label and a space, or "" */
    action act;
    const char *prompt;
} field_info;

static const field_info fields[] = {
#define FIELD(NAME, label, named, act, prompt, prefill)                                            \
    {FIELD_##NAME, label, (named) ? label " " : "", act, prompt},
#include "screen/fields.def"
#undef FIELD
};

#define NFIELDS (sizeof fields / sizeof fields[0])

static const field_info *info(edit_field f)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (fields[i].field == f)
            return &fields[i];
    return NULL;
}

const char *field_label(edit_field f)
{
    const field_info *fi = info(f);
    return fi ? fi->label : "";
}

const char *field_change_label(edit_field f)
{
    const field_info *fi = info(f);
    return fi ? fi->change_label : "";
}

const char *field_prompt(edit_field f)
{
    const field_info *fi = info(f);
    return fi ? fi->prompt : NULL;
}

const char *field_prefill(edit_field f, const node *n)
{
    const char *v = NULL;
    switch (f) {
#define FIELD(NAME, label, named, act, prompt, prefill)                                            \
    case FIELD_##NAME:                                                                             \
        v = prefill;                                                                               \
        break;
#include "screen/fields.def"
#undef FIELD
    default:
        break;
    }
    return v ? v : "";
}

int field_for_action(action act, edit_field *f)
{
    for (size_t i = 0; act != ACT_NONE && i < NFIELDS; i++)
        if (fields[i].act == act) {
            *f = fields[i].field;
            return 1;
        }
    return 0;
}
