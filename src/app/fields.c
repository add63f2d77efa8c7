/* fields.c: what the faces (ui, cli) may read of an open app, and the one thing they set. */
#include "app_int.h"

enum app_role app_member_role(const struct app *a)
{
    return a->role;
}

int32_t app_day(const struct app *a)
{
    return a->today;
}

const struct wt_record *app_member(const struct app *a)
{
    return &a->member;
}

const char *app_member_id(const struct app *a)
{
    return record_get(&a->member, MEMBER_ID);
}

const char *app_member_name(const struct app *a)
{
    return record_get(&a->member, MEMBER_NAME);
}

const char *app_team(const struct app *a)
{
    return a->team;
}

const char *app_dir(const struct app *a)
{
    return a->dir;
}

void app_set_path(struct app *a, const char *path)
{
    a->path = path;
}
