/* app.c - the small helpers of the front end's state (see app.h). */
#include "screen/app.h"

#include <stdarg.h>
#include <stdio.h>

void app_message(app *a, int style, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_style = style;
}

void app_date(const app *a, const char *iso, char *out, size_t outsz)
{
    if (!*iso || config_format_date(a->ctx->config, iso, out, outsz) != DUBAN_OK)
        snprintf(out, outsz, "%s", iso);
}

void app_chinese_number(int n, char *out, size_t outsz)
{
    static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99)
        snprintf(out, outsz, "%d", n);
    else if (n < 10)
        snprintf(out, outsz, "%s", d[n]);
    else
        snprintf(out, outsz, "%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}
