/* restored.c: the restore's own record, kept beside the access log's chain (issue 20).
 *
 * A restore puts the dump's log back exactly (the same entries, in the same
 * order) and adds nothing to it, so that `dump`, `restore`, `dump` gives the
 * same log.csv. What the restore did is kept instead in meta "log-restored":
 * one line naming the time, the member, the team, how many of the log's
 * entries came from the dump, and the SHA-256 of the dump's log.csv and of
 * its manifest.json. Meta's digest covers it; in an encrypted database it is
 * sealed with the case key, as the log is to the case key's log key pair.
 * `log` shows it as its first line (number 0); `check` reads it and writes
 * the log's first entries as log.csv again to compare the SHA-256. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_int.h"
#include "dump_int.h"
#include "wijktafel/i18n.h"

#define RESTORED_KEY "log-restored"
#define RESTORED_FORMAT "1"

/* src without tabs and line breaks (the record's separators). */
static void flat(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src);
    for (char *p = dst; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
}

void dump_restored_put(struct store_txn *t, const struct dump_restored *r)
{
    char member[sizeof r->member], behalf[sizeof r->behalf];
    flat(member, sizeof member, r->member);
    flat(behalf, sizeof behalf, r->behalf);
    char *line = xasprintf(RESTORED_FORMAT "\t%s\t%s\t%s\t%" PRIu64 "\t%s\t%s", r->time, member,
                           behalf, r->entries, r->log_sha, r->manifest_sha);
    store_meta_put(t, RESTORED_KEY, line);
    free(line);
}

static bool is_hex64(const char *s, bool may_be_empty)
{
    if (!*s)
        return may_be_empty;
    return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* Field i of the tab-separated line into dst (cap bytes); false when it
 * does not fit or is missing. */
static bool field(const char *line, int i, char *dst, size_t cap)
{
    const char *p = line;
    for (; i > 0; i--) {
        p = strchr(p, '\t');
        if (!p)
            return false;
        p++;
    }
    size_t n = strcspn(p, "\t");
    if (n >= cap)
        return false;
    memcpy(dst, p, n);
    dst[n] = '\0';
    return true;
}

int dump_restored_get(struct store_txn *t, struct dump_restored *r)
{
    memset(r, 0, sizeof *r);
    char *line = NULL;
    int rc = store_meta_get(t, RESTORED_KEY, &line);
    if (rc) {
        free(line);
        return rc;
    }
    char version[4], entries[24], extra[2];
    bool ok = field(line, 0, version, sizeof version) && strcmp(version, RESTORED_FORMAT) == 0 &&
              field(line, 1, r->time, sizeof r->time) &&
              field(line, 2, r->member, sizeof r->member) &&
              field(line, 3, r->behalf, sizeof r->behalf) &&
              field(line, 4, entries, sizeof entries) &&
              field(line, 5, r->log_sha, sizeof r->log_sha) &&
              field(line, 6, r->manifest_sha, sizeof r->manifest_sha) &&
              !field(line, 7, extra, sizeof extra) && entries[0] &&
              strspn(entries, "0123456789") == strlen(entries) && strlen(entries) < 20 &&
              is_hex64(r->log_sha, true) && is_hex64(r->manifest_sha, false) &&
              strlen(r->time) == 19;
    r->entries = ok ? strtoull(entries, NULL, 10) : 0;
    ok = ok && (r->entries == 0 || r->log_sha[0]);
    free(line);
    return ok ? 0 : WT_ECORRUPT;
}

void dump_restored_entry(const struct dump_restored *r, struct app_log_entry *e)
{
    memset(e, 0, sizeof *e);
    snprintf(e->time, sizeof e->time, "%s", r->time);
    snprintf(e->member, sizeof e->member, "%s", r->member);
    snprintf(e->behalf, sizeof e->behalf, "%s", r->behalf);
    snprintf(e->path, sizeof e->path, "restore");
    snprintf(e->action, sizeof e->action, "restore");
    if (r->entries)
        snprintf(e->detail, sizeof e->detail, "regels 1-%" PRIu64 " uit dump, manifest %s",
                 r->entries, r->manifest_sha);
    else
        snprintf(e->detail, sizeof e->detail, "geen regels uit dump, manifest %s",
                 r->manifest_sha);
}

/* One problem, reported. */
static size_t problem(app_check_fn report, void *ctx, const char *line)
{
    if (report)
        report(ctx, line);
    return 1;
}

size_t dump_restored_check(struct app *a, app_check_fn report, void *ctx)
{
    struct store_txn *t;
    struct wt_error ignored = {0};
    if (store_read_begin(a->store, &t, &ignored) != 0)
        return 0; /* store_check said why */
    struct dump_restored r;
    int rc = dump_restored_get(t, &r);
    size_t n = 0;
    char *line = NULL;
    if (rc == WT_ECORRUPT) {
        n = problem(report, ctx, _("log-restored: beschadigd (hoe de database uit een dump is "
                                   "hersteld, is niet te lezen)"));
    } else if (rc == 0 && r.entries) {
        struct buf b = {0};
        size_t got = 0;
        if (dump_log_csv(t, r.entries, &b, &got) == 0) { /* else: the log is not open to us */
            char hex[65];
            store_sha256_hex(b.data, b.len, hex);
            if (got < r.entries)
                line = xasprintf(_("log: het log heeft %zu regels, maar de eerste %llu "
                                   "kwamen uit de dump waaruit het is hersteld"),
                                 got, (unsigned long long)r.entries);
            else if (strcmp(hex, r.log_sha) != 0)
                line = xasprintf(_("log: regels 1-%llu zijn niet meer die van de dump "
                                   "waaruit de database is hersteld (de SHA-256 van log.csv "
                                   "klopt niet)"),
                                 (unsigned long long)r.entries);
        }
        buf_fini(&b);
    }
    if (line)
        n = problem(report, ctx, line);
    free(line);
    store_read_end(t);
    return n;
}
