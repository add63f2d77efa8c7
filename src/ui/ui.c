/* ui.c: the meeting screen's entry point. Until the meeting screen lands it prints the summary. */
#include "wijktafel/ui.h"

#include <stdio.h>

#include "wijktafel/i18n.h"

int ui_run(struct app *a, const struct ui_opts *o)
{
    (void)o;
    struct buf out = {0};
    struct wt_error err = {0};
    if (app_summary(a, &out, &err) != 0) {
        fprintf(stderr, "%s\n", err.text);
        return wt_error_exit_code(err.code);
    }
    fputs(out.data, stdout);
    buf_fini(&out);
    return 0;
}
