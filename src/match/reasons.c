/* reasons.c: the ranked options as the caller sees them: names and short Dutch reasons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match_int.h"
#include "wijktafel/date.h"
#include "wijktafel/i18n.h"

#define MAX_WORDS_SHOWN 5

/* Appends one reason; ';', tabs and line breaks inside it are neutralised. */
static void add_reason(struct buf *b, const char *text)
{
    char *clean = match_clean(text, true);
    if (b->len)
        buf_putc(b, ';');
    buf_puts(b, clean);
    free(clean);
}

/* Appends the reason s (made with xasprintf, so its format is checked) and frees it. */
static void add_reason_owned(struct buf *b, char *s)
{
    add_reason(b, s);
    free(s);
}

/* "a", "a en b", "a, b en c" (sep_last NULL: all with ", "). */
static char *join(const char *const *items, size_t n, const char *sep_last)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_puts(&b, i + 1 == n && sep_last ? sep_last : ", ");
        buf_puts(&b, items[i]);
    }
    return buf_steal(&b);
}

/* The folded text of a tag id. */
static const char *tag_text(const struct match_corpus *c, uint32_t id)
{
    return c->dict.keys[id] + 1;
}

/* "a, b en c" for the case tags (in written order) that the sorted list has,
 * or NULL when it has none; caller frees. */
static char *tags_list(const struct match_query *q, const struct match_qtags *t,
                       const struct match_idlist *has)
{
    const char **names = xmalloc((t->n ? t->n : 1) * sizeof *names);
    size_t n = 0;
    for (uint32_t i = 0; i < t->n; i++)
        if (match_ids_has(has->ids, has->n, t->written[i]))
            names[n++] = tag_text(q->c, t->written[i]);
    char *list = n ? join(names, n, _(" en ")) : NULL;
    free(names);
    return list;
}

/* "woorden uit de vraag: ..." for the request words w holds, in the order
 * of the request, at most MAX_WORDS_SHOWN. */
static void words_reason(struct buf *b, const struct match_query *q, const struct match_idlist *w)
{
    uint32_t *hit = xmalloc((q->nwords ? q->nwords : 1) * sizeof *hit);
    size_t n = 0;
    for (uint32_t i = 0; i < q->nwords; i++) {
        if (!match_ids_has(w->ids, w->n, q->words[i].id))
            continue;
        /* Insertion by position: the lists are a few words long. */
        size_t k = n++;
        while (k > 0 && q->words[hit[k - 1]].pos > q->words[i].pos) {
            hit[k] = hit[k - 1];
            k--;
        }
        hit[k] = i;
    }
    if (n > MAX_WORDS_SHOWN)
        n = MAX_WORDS_SHOWN;
    const char **texts = xmalloc((n ? n : 1) * sizeof(const char *));
    for (size_t i = 0; i < n; i++)
        texts[i] = q->words[hit[i]].text;
    if (n) {
        char *list = join(texts, n, NULL);
        add_reason_owned(b, xasprintf(_("woorden uit de vraag: %s"), list));
        free(list);
    }
    free(texts);
    free(hit);
}

/* Appends the closeness reason, naming the deepest area part the case
 * shares with an option whose area has odepth parts (none when nothing
 * is shared): "in Espelervaart" when the option lies where the case does,
 * "voor heel Emmeloord" for an option that covers the case's area, "ook
 * in Hatert" for another neighbourhood of the same district. */
static void area_reason(struct buf *b, const struct match_query *q, int shared, int odepth)
{
    if (shared < 1 || shared > AREA_MAX || !q->area_part[shared - 1])
        return;
    const char *name = q->area_part[shared - 1];
    if (shared == odepth && odepth < q->area.depth)
        add_reason_owned(b, xasprintf(_("voor heel %s"), name));
    else if (shared >= q->area.depth)
        add_reason_owned(b, xasprintf(_("in %s"), name));
    else
        add_reason_owned(b, xasprintf(_("ook in %s"), name));
}

/* Recomputes the evidence of option i exactly as the index pass summed it
 * (same order, same float arithmetic), so that the factors match the score. */
static void evidence(const struct match_query *q, const struct match_opt *o, float *need,
                     float *words, unsigned *nstr)
{
    const struct match_corpus *c = q->c;
    *need = 0.0f;
    *words = 0.0f;
    *nstr = 0;
    for (uint32_t k = 0; k < q->needs.n; k++)
        if (match_ids_has(o->needs.ids, o->needs.n, q->needs.sorted[k]))
            *need += c->need_w[q->needs.sorted[k]];
    for (uint32_t k = 0; k < q->strengths.n; k++)
        if (match_ids_has(o->interests.ids, o->interests.n, q->strengths.sorted[k]))
            (*nstr)++;
    for (uint32_t k = 0; k < q->nwords; k++)
        if (match_ids_has(o->words.ids, o->words.n, q->words[k].id))
            *words += c->word_w[q->words[k].id];
}

/* Appends the outcome history reasons of f, if any: what the team recorded,
 * then what the measures said, each naming where (the smallest area that
 * holds this case and all the earlier ones that counted). */
static void history_reason(struct buf *b, const struct match_query *q,
                           const struct match_factors *f)
{
    const struct match_tally *k = &f->hist;
    int d = f->hist_depth;
    const char *where = d >= 1 && d <= AREA_MAX && q->area_part[d - 1] ? q->area_part[d - 1] : "";
    if (k->worked + k->failed) {
        char *s = xasprintf(_("werkte %u van %u keer in %s"), k->worked, k->worked + k->failed,
                            where);
        add_reason(b, s);
        free(s);
    }
    if (k->mworked + k->mfailed) {
        char *s = xasprintf(_("welzijnsmeting ging %u van %u keer vooruit in %s"), k->mworked,
                            k->mworked + k->mfailed, where);
        add_reason(b, s);
        free(s);
    }
    if (k->pending) {
        char *s = xasprintf(_("%u keer eerder gekozen in %s, uitkomst nog onbekend"), k->pending,
                            where);
        add_reason(b, s);
        free(s);
    }
}

/* Name, reasons and via of resource or talent option i. */
static void fill_opt(const struct match_query *q, uint32_t i, struct match_option *out)
{
    const struct match_corpus *c = q->c;
    const struct match_opt *o = &c->opts[i];
    float need, words;
    unsigned nstr;
    evidence(q, o, &need, &words, &nstr);
    struct match_factors f;
    match_score_opt(q, i, need, words, nstr, &f);
    struct buf b = {0};
    char *helps = tags_list(q, &q->needs, &o->needs);
    if (helps)
        add_reason_owned(&b, xasprintf(_("helpt bij %s"), helps));
    free(helps);
    if (f.transport == TRANSPORT_ENTRY) {
        add_reason(&b, _("vervoer geregeld"));
    } else if (f.transport == TRANSPORT_DRIVER) {
        const struct match_opt *d = &c->opts[f.driver];
        /* The id, not the name: reasons are shown on the wall too. */
        char *s = xasprintf(_("vervoer door een buurtbewoner (%s)"), d->id);
        add_reason(&b, s);
        free(s);
        snprintf(out->via, sizeof out->via, "%s", d->id);
    }
    char *likes = tags_list(q, &q->strengths, &o->interests);
    if (likes)
        add_reason_owned(&b, xasprintf(_("sluit aan bij wat iemand graag doet: %s"), likes));
    free(likes);
    words_reason(&b, q, &o->words);
    area_reason(&b, q, f.shared, o->area.depth);
    if (f.age > 0)
        add_reason(&b, _("past bij leeftijd"));
    if (f.wheelchair)
        add_reason(&b, _("rolstoeltoegankelijk"));
    if (f.transport == TRANSPORT_MISSING)
        add_reason(&b, _("vervoer nog regelen"));
    if (f.full) {
        add_reason(&b, _("vol: wachtlijst"));
    } else if (o->places > 0) {
        char *s = xasprintf(o->places == 1 ? _("nog %d plaats vrij") : _("nog %d plaatsen vrij"),
                            o->places);
        add_reason(&b, s);
        free(s);
    }
    if (f.stale && o->checked != INT32_MIN) {
        char day[11];
        date_format(o->checked, day);
        add_reason_owned(&b, xasprintf(_("niet gecontroleerd sinds %s"), day));
    } else if (f.stale) {
        add_reason(&b, _("nooit gecontroleerd"));
    }
    history_reason(&b, q, &f);
    snprintf(out->id, sizeof out->id, "%s", o->id);
    out->name = xstrdup(o->name);
    out->reasons = buf_steal(&b);
}

/* Name ("casus ID (neighbourhood)") and reasons of similar case k. */
static void fill_case(const struct match_query *q, uint32_t k, struct match_option *out)
{
    const struct match_case *o = &q->c->cases[k];
    int shared, days;
    match_similar_score(q, k, &shared, &days);
    struct buf b = {0};
    add_reason(&b, _("lijkt op deze vraag: samen in contact brengen"));
    char *same = tags_list(q, &q->needs, &o->needs);
    if (same)
        add_reason_owned(&b, xasprintf(_("zelfde vraag: %s"), same));
    free(same);
    area_reason(&b, q, shared, o->area.depth);
    char *s = days == 0 ? xstrdup(_("op dezelfde dag gemeld"))
              : days == 1 ? xstrdup(_("kort na elkaar gemeld: 1 dag"))
                          : xasprintf(_("kort na elkaar gemeld: %d dagen"), days);
    add_reason(&b, s);
    free(s);
    snprintf(out->id, sizeof out->id, "%s", o->id);
    /* Never the resident's name: the case id and its neighbourhood. */
    out->name = xasprintf(_("casus %s (%s)"), o->id, o->label);
    out->reasons = buf_steal(&b);
}

/* Fills o for candidate x: type, id, score, name, reasons and via; the
 * strings are allocated (match_result_fini frees them). */
void match_option_fill(const struct match_query *q, const struct match_cand *x,
                       struct match_option *o)
{
    memset(o, 0, sizeof *o);
    o->type = (enum match_type)x->type;
    o->score = x->score;
    if (x->type == MATCH_CASE)
        fill_case(q, x->idx, o);
    else
        fill_opt(q, x->idx, o);
}
