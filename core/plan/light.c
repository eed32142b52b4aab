/* light.c - the light rule and how lights are named (pure, no database). */
#include "plan/light.h"

#include "plan/date.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *key, *glyph, *name, *short_name, *label;
} lights[LIGHT_COUNT] = {
    [LIGHT_GREEN] = {"green", "(o)", "绿灯", "绿", "(o) 绿灯"},
    [LIGHT_YELLOW] = {"yellow", "(~)", "黄灯", "黄", "(~) 黄灯"},
    [LIGHT_RED] = {"red", "(!)", "红灯", "红", "(!) 红灯"},
};

void light_rule_default(light_rule *rule)
{
    memset(rule, 0, sizeof *rule);
    rule->warn_days = LIGHT_WARN_DAYS;
}

light light_of(const status_set *set, const light_rule *rule, const char *status,
               const char *deadline, long today)
{
    light_rule def;
    if (!rule) {
        light_rule_default(&def);
        rule = &def;
    }
    if (!status)
        status = "";
    if (status_is_done(set, status))
        return LIGHT_GREEN;
    long due = 0;
    int has_due = deadline && *deadline && date_parse(deadline, &due, NULL) == DUBAN_OK;
    enum status_role role = status_role_of(set, status);
    if (role == STATUS_ROLE_BLOCKED || (has_due && due < today))
        return LIGHT_RED;
    int warn = rule->warn_days > 0 ? rule->warn_days : 0;
    if (role == STATUS_ROLE_BEHIND || (has_due && due <= today + warn))
        return LIGHT_YELLOW;
    return LIGHT_GREEN;
}

static unsigned index_of(light l)
{
    return (unsigned)l < LIGHT_COUNT ? (unsigned)l : LIGHT_GREEN;
}

const char *light_key(light l)
{
    return lights[index_of(l)].key;
}

const char *light_glyph(light l)
{
    return lights[index_of(l)].glyph;
}

const char *light_name(light l)
{
    return lights[index_of(l)].name;
}

const char *light_short(light l)
{
    return lights[index_of(l)].short_name;
}

const char *light_label(light l)
{
    return lights[index_of(l)].label;
}

light light_worst(const int count[LIGHT_COUNT])
{
    for (int l = LIGHT_COUNT - 1; l > 0; l--)
        if (count[l] > 0)
            return (light)l;
    return LIGHT_GREEN;
}

int light_group_parse(const char *name, enum light_group *by)
{
    static const char *const names[] = {"area", "unit", "leader"};
    for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i])) {
            *by = (enum light_group)i;
            return 0;
        }
    return -1;
}

int light_rate_percent(int done, int total)
{
    if (total <= 0)
        return 0;
    return (int)(((long)done * 200 + total) / ((long)total * 2));
}
