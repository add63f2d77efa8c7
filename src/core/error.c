/* error.c: setting error messages and mapping error codes to sysexits. */
#include "wijktafel/error.h"

#include <stdio.h>
#include <sysexits.h>

static int error_vset(struct wt_error *err, int code, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    err->code = code;
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    err->field[0] = '\0';
    err->what = 0;
    return code;
}

int wt_error_set(struct wt_error *err, int code, const char *fmt, ...)
{
    if (err && err->code != 0)
        return code;
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int wt_error_reset(struct wt_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int wt_error_field(struct wt_error *err, int code, const char *field, const char *fmt, ...)
{
    if (!err || err->code != 0)
        return code;
    int n = snprintf(err->text, sizeof err->text, "%s: ", field);
    if (n < 0 || (size_t)n >= sizeof err->text)
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text + n, sizeof err->text - (size_t)n, fmt, ap);
    va_end(ap);
    err->code = code;
    snprintf(err->field, sizeof err->field, "%s", field);
    err->what = n;
    return code;
}

void wt_error_clear(struct wt_error *err)
{
    if (err) {
        err->code = 0;
        err->text[0] = '\0';
        err->field[0] = '\0';
        err->what = 0;
    }
}

int wt_error_exit_code(int code)
{
    switch (code) {
    case WT_OK: return 0;
    case WT_EUSAGE: return EX_USAGE;           /* 64 */
    case WT_EINVAL: return EX_DATAERR;         /* 65 */
    case WT_ENOTFOUND: return EX_NOINPUT;      /* 66 */
    case WT_ECREATE: case WT_EEXIST: return EX_CANTCREAT; /* 73 */
    case WT_EBUSY: return EX_TEMPFAIL;         /* 75 */
    case WT_EPERM: return EX_NOPERM;           /* 77 */
    case WT_EFULL: case WT_EIO: case WT_ECORRUPT: case WT_EVERSION:
    default: return EX_IOERR;                  /* 74 */
    }
}
