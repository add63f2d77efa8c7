/* check_words.c: dates as people read and type them, and the words for stored codes (issue 16). */
#include <check.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "wijktafel/area.h"
#include "wijktafel/date.h"
#include "wijktafel/record.h"
#include "wijktafel/text.h"
#include "wijktafel/words.h"

/* Monday 7 December 2026, the day of the meeting. */
static int32_t monday(void)
{
    int32_t d;
    ck_assert_int_eq(date_parse("2026-12-07", &d), 0);
    ck_assert_int_eq(date_weekday(d), 0);
    return d;
}

/* The ISO date that s reads as on today, or "-" when it is refused. */
static const char *reads(const char *s, int32_t today)
{
    static char out[11];
    int32_t d = -99999;
    if (date_read(s, today, &d) != 0) {
        ck_assert_int_eq(d, -99999); /* nothing written on refusal */
        return "-";
    }
    date_format(d, out);
    return out;
}

START_TEST(test_read_forms)
{
    int32_t t = monday();
    ck_assert_str_eq(reads("8-12-2026", t), "2026-12-08");
    ck_assert_str_eq(reads("18-12-2026", t), "2026-12-18");
    ck_assert_str_eq(reads("08-12-2026", t), "2026-12-08");
    ck_assert_str_eq(reads("8/12/2026", t), "2026-12-08");
    ck_assert_str_eq(reads("8.12.2026", t), "2026-12-08");
    ck_assert_str_eq(reads("8-12-26", t), "2026-12-08");
    ck_assert_str_eq(reads("8-12", t), "2026-12-08");
    ck_assert_str_eq(reads("8 dec", t), "2026-12-08");
    ck_assert_str_eq(reads("8 december 2026", t), "2026-12-08");
    ck_assert_str_eq(reads("8 Dec. 2026", t), "2026-12-08");
    ck_assert_str_eq(reads("Dec 8", t), "2026-12-08");
    ck_assert_str_eq(reads("3 mrt", t), "2027-03-03");
    ck_assert_str_eq(reads("3 maart 2025", t), "2025-03-03");
    ck_assert_str_eq(reads("3 march", t), "2027-03-03");
    ck_assert_str_eq(reads("1 mei", t), "2027-05-01");
    ck_assert_str_eq(reads("1 may", t), "2027-05-01");
    ck_assert_str_eq(reads("2026-12-08", t), "2026-12-08");
    ck_assert_str_eq(reads("  2026-12-08 ", t), "2026-12-08");
    ck_assert_str_eq(reads("vandaag", t), "2026-12-07");
    ck_assert_str_eq(reads("Vandaag", t), "2026-12-07");
    ck_assert_str_eq(reads("morgen", t), "2026-12-08");
    ck_assert_str_eq(reads("overmorgen", t), "2026-12-09");
    ck_assert_str_eq(reads("gisteren", t), "2026-12-06");
    ck_assert_str_eq(reads("today", t), "2026-12-07");
    ck_assert_str_eq(reads("tomorrow", t), "2026-12-08");
    ck_assert_str_eq(reads("yesterday", t), "2026-12-06");
    ck_assert_str_eq(reads("+7", t), "2026-12-14");
    ck_assert_str_eq(reads("+0", t), "2026-12-07");
    ck_assert_str_eq(reads("-3", t), "2026-12-04");
    ck_assert_str_eq(reads("over 2 weken", t), "2026-12-21");
    ck_assert_str_eq(reads("over 1 week", t), "2026-12-14");
    ck_assert_str_eq(reads("over 3 dagen", t), "2026-12-10");
    ck_assert_str_eq(reads("over 2 maanden", t), "2027-02-07");
    ck_assert_str_eq(reads("in 2 weeks", t), "2026-12-21");
    ck_assert_str_eq(reads("in 1 day", t), "2026-12-08");
    ck_assert_str_eq(reads("in 1 month", t), "2027-01-07");
}
END_TEST

START_TEST(test_read_weekdays)
{
    int32_t t = monday();
    ck_assert_str_eq(reads("vrijdag", t), "2026-12-11");
    ck_assert_str_eq(reads("vr", t), "2026-12-11");
    ck_assert_str_eq(reads("friday", t), "2026-12-11");
    ck_assert_str_eq(reads("Fri", t), "2026-12-11");
    ck_assert_str_eq(reads("dinsdag", t), "2026-12-08");
    ck_assert_str_eq(reads("zondag", t), "2026-12-13");
    /* The same weekday as today is next week's. */
    ck_assert_str_eq(reads("maandag", t), "2026-12-14");
    ck_assert_str_eq(reads("mon", t), "2026-12-14");
    /* A day name before a date must agree with it. */
    ck_assert_str_eq(reads("vr 11-12-2026", t), "2026-12-11");
    ck_assert_str_eq(reads("Fri 11 Dec 2026", t), "2026-12-11");
    ck_assert_str_eq(reads("di 8 dec", t), "2026-12-08");
    ck_assert_str_eq(reads("ma 11-12-2026", t), "-");
}
END_TEST

START_TEST(test_read_nearest_year)
{
    int32_t t;
    ck_assert_int_eq(date_parse("2026-12-28", &t), 0);
    /* Late December: early January is the coming one, early December this one. */
    ck_assert_str_eq(reads("5-1", t), "2027-01-05");
    ck_assert_str_eq(reads("8 dec", t), "2026-12-08");
    ck_assert_int_eq(date_parse("2027-01-03", &t), 0);
    ck_assert_str_eq(reads("20-12", t), "2026-12-20");
    /* 29 February only where it exists. */
    ck_assert_int_eq(date_parse("2028-02-01", &t), 0);
    ck_assert_str_eq(reads("29-2", t), "2028-02-29");
}
END_TEST

START_TEST(test_read_refused)
{
    int32_t t = monday();
    const char *bad[] = {"", "   ", "morgenavond", "31-11-2026", "29-2-2026", "0-12-2026",
                         "8-13-2026", "8-12-2026-1", "8-12/2026", "2026-12", "12", "dec",
                         "8 foo", "over weken", "over 2 jaar", "in 2", "+", "+x", "8 dec 20266",
                         "2026-02-30", "8--12", "1-1-1899", "m", "d",
                         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                         "1 2 3 4 5 6 7 8", NULL};
    for (const char **b = bad; *b; b++)
        ck_assert_msg(strcmp(reads(*b, t), "-") == 0, "'%s' was read as %s", *b, reads(*b, t));
    ck_assert_int_eq(date_read(NULL, t, &t), WT_EINVAL);
}
END_TEST

START_TEST(test_show)
{
    int32_t t = monday(), d;
    char out[DATE_SHOW_MAX];
    ck_assert_int_eq(date_parse("2026-12-08", &d), 0);
    words_set_lang(WT_LANG_NL);
    ck_assert_str_eq(date_show(d, DATE_FULL, t, out), "8-12-2026");
    ck_assert_str_eq(date_show(d, DATE_LIST, t, out), "di 8 dec");
    ck_assert_str_eq(date_show(d, DATE_DAY, t, out), "di 8-12-2026");
    ck_assert_str_eq(date_show(d - 365, DATE_LIST, t, out), "8-12-2025");
    ck_assert_str_eq(date_show(d - 1, DATE_WEEK, t, out), "7 dec"); /* a week's Monday */
    ck_assert_str_eq(date_show_iso("2026-12-11", DATE_DAY, t, out), "vr 11-12-2026");
    ck_assert_str_eq(date_show_iso("not a date", DATE_FULL, t, out), "not a date");
    ck_assert_str_eq(date_show_iso(NULL, DATE_FULL, t, out), "");
    words_set_lang(WT_LANG_EN);
    ck_assert_str_eq(date_show(d, DATE_FULL, t, out), "8 Dec 2026");
    ck_assert_str_eq(date_show(d, DATE_LIST, t, out), "Tue 8 Dec");
    ck_assert_str_eq(date_show(d, DATE_DAY, t, out), "Tue 8 Dec 2026");
    ck_assert_str_eq(date_show(d - 1, DATE_WEEK, t, out), "7 Dec");
    words_set_lang(WT_LANG_NL);
    /* What is shown reads back as the same day, in both languages and styles. */
    for (int lang = 0; lang < 2; lang++) {
        words_set_lang(lang ? WT_LANG_EN : WT_LANG_NL);
        for (int32_t i = t - 400; i < t + 400; i += 3)
            for (int st = DATE_FULL; st <= DATE_WEEK; st++) {
                int32_t back = -1;
                if ((st == DATE_LIST || st == DATE_WEEK) && (i < t - 180 || i > t + 180))
                    continue; /* without a year it means the nearest such day */
                date_show(i, (enum date_style)st, t, out);
                ck_assert_msg(date_read(out, t, &back) == 0 && back == i, "%s", out);
            }
    }
    words_set_lang(WT_LANG_NL);
}
END_TEST

START_TEST(test_words)
{
    words_set_lang(WT_LANG_NL);
    ck_assert_str_eq(words_of("cases.status", "new"), "nieuw");
    ck_assert_str_eq(words_of("resources.capacity", "full"), "vol");
    ck_assert_str_eq(words_of("resources.capacity", "3"), "3 vrij");
    ck_assert_str_eq(words_of("resources.kind", "formal"), "formele zorg");
    ck_assert_str_eq(words_of("members.role", "leader"), "leider");
    ck_assert_str_eq(words_of("outcome", "worked"), "gewerkt");
    ck_assert_str_eq(words_of("nonsense", "new"), "new");
    ck_assert_str_eq(words_of("cases.status", "other"), "other");
    ck_assert_str_eq(words_of("cases.status", NULL), "");
    words_set_lang(WT_LANG_EN);
    ck_assert_str_eq(words_of("resources.kind", "desk"), "help desk");
    ck_assert_str_eq(words_of("resources.access", "rolstoel"), "wheelchair");
    ck_assert_str_eq(words_of("resources.capacity", "3"), "3 free");
    words_set_lang(WT_LANG_NL);
    ck_assert_str_eq(words_code("cases.status", "Nieuw"), "new");
    ck_assert_str_eq(words_code("cases.status", "new"), "new");
    ck_assert_str_eq(words_code("resources.kind", "formal care"), "formal");
    ck_assert_ptr_null(words_code("cases.status", "zomaar"));

    char out[64];
    ck_assert_str_eq(words_list(NULL, "klussen;techniek;vrijwilligerswerk", out, sizeof out),
                     "klussen, techniek, vrijwilligerswerk");
    ck_assert_str_eq(words_list("resources.access", "rolstoel;vervoer", out, sizeof out),
                     "rolstoel, vervoer");
    ck_assert_str_eq(words_list(NULL, "", out, sizeof out), "");
    ck_assert_str_eq(words_list(NULL, NULL, out, sizeof out), "");
    char ch[128];
    ck_assert_str_eq(words_chosen("r-eetcafe+t-rijder:worked;t-bram", ch, sizeof ch),
                     "r-eetcafe + t-rijder (gewerkt), t-bram");
    ck_assert_str_eq(words_chosen("r-a:failed", ch, sizeof ch), "r-a (niet gewerkt)");
    ck_assert_str_eq(words_chosen(NULL, ch, sizeof ch), "");
    char small[8];
    ck_assert_str_eq(words_list(NULL, "één;twee", small, sizeof small), "één, ");
    ck_assert_str_eq(words_list(NULL, "ééé;x", small, 6), "éé"); /* not half a character */
}
END_TEST

/* Every value of every enumerated column of every kind has a Dutch and an
 * English word: the columns are found from the record definitions, so a
 * new one without words fails here. */
START_TEST(test_words_complete)
{
    int checked = 0, columns = 0;
    for (int k = 0; k < WT_KIND_COUNT; k++) {
        const struct wt_kind_def *kd = record_kind((enum wt_kind)k);
        for (int col = 0; col < kd->nfields; col++) {
            const struct wt_field_def *fd = &kd->fields[col];
            if (fd->type != FT_ENUM && fd->type != FT_SET)
                continue;
            ck_assert_ptr_nonnull(fd->values);
            char domain[64];
            snprintf(domain, sizeof domain, "%s.%s", kd->name, fd->name);
            columns++;
            for (const char *const *v = fd->values; *v; v++) {
                words_set_lang(WT_LANG_EN);
                const char *en = words_of(domain, *v);
                words_set_lang(WT_LANG_NL);
                const char *nl = words_of(domain, *v);
                bool listed = false;
                for (const char *const *c = words_codes(domain); c && *c; c++)
                    listed |= strcmp(*c, *v) == 0;
                ck_assert_msg(listed, "%s %s has no word", domain, *v);
                ck_assert(*en && *nl);
                ck_assert_str_eq(words_code(domain, en), *v);
                ck_assert_str_eq(words_code(domain, nl), *v);
                checked++;
            }
        }
    }
    ck_assert_int_ge(columns, 9); /* role, statuses, kind, capacity, access, channel, phase, ... */
    ck_assert_int_ge(checked, 50);
    words_set_lang(WT_LANG_EN);
    ck_assert_str_eq(words_of("projects.phase", "overdragen"), "handing over");
    ck_assert_str_eq(words_of("partners.role", "woningcorporatie"), "housing corporation");
    words_set_lang(WT_LANG_NL);
}
END_TEST

START_TEST(test_pick)
{
    const char *ids[] = {"m-jelle-vd", "m-noor-haddou", "m-noortje", "leider", "m-eloise"};
    const char *names[] = {"Jelle van der Veen", "Noor Haddou", "Noortje de Boer",
                           "Marieke de Boer", "Éloïse Martín"};
    ck_assert_int_eq(text_pick("Jelle", ids, names, 5), 0);
    ck_assert_int_eq(text_pick("jelle", ids, names, 5), 0);
    ck_assert_int_eq(text_pick("m-jelle-vd", ids, names, 5), 0);
    ck_assert_int_eq(text_pick("  Noor Haddou ", ids, names, 5), 1);
    ck_assert_int_eq(text_pick("noor haddou", ids, names, 5), 1);
    ck_assert_int_eq(text_pick("noor h", ids, names, 5), 1);
    ck_assert_int_eq(text_pick("noor", ids, names, 5), 1); /* the whole word wins */
    ck_assert_int_eq(text_pick("noo", ids, names, 5), -2); /* Noor and Noortje */
    ck_assert_int_eq(text_pick("jel", ids, names, 5), 0);
    ck_assert_int_eq(text_pick("de boer", ids, names, 5), -2);
    ck_assert_int_eq(text_pick("marieke", ids, names, 5), 2 + 1);
    ck_assert_int_eq(text_pick("eloise", ids, names, 5), 4); /* accents do not matter */
    ck_assert_int_eq(text_pick("ELOÏSE MARTIN", ids, names, 5), 4);
    ck_assert_int_eq(text_pick("Piet", ids, names, 5), -1);
    ck_assert_int_eq(text_pick("", ids, names, 5), -1);
    ck_assert_int_eq(text_pick("boer marieke", ids, names, 5), -1); /* in order */
    ck_assert(text_words_match("veen", "Jelle van der Veen"));
    ck_assert(!text_words_match("een", "Jelle van der Veen"));
}
END_TEST

START_TEST(test_closest)
{
    const char *areas[] = {"Veenwaard", "Veenwaard/Molenwijk", "Veenwaard/Elsterveld",
                           "Veenwaard/Elsterveld/Kerkakker", "Dorp/Molenwijk/Noord"};
    bool same;
    ck_assert_int_eq(area_closest("Molenwijk", areas, 5, true, &same), 1);
    ck_assert(!same);
    ck_assert_int_eq(area_closest("veenwaard/molenwijk", areas, 5, true, &same), 1);
    ck_assert(same);
    ck_assert_int_eq(area_closest("Kerkakker", areas, 5, true, &same), 3);
    ck_assert_int_eq(area_closest("Veenwaard/Molenwyk", areas, 5, true, &same), 1);
    ck_assert(!same);
    ck_assert_int_eq(area_closest("Elstervelt", areas, 5, true, &same), 2);
    ck_assert_int_eq(area_closest("Amsterdam", areas, 5, true, &same), -1);
    ck_assert_int_eq(area_closest("", areas, 5, true, &same), -1);
    const char *tags[] = {"eenzaamheid", "mobiliteit", "vervoer"};
    ck_assert_int_eq(area_closest("eenzaamhied", tags, 3, false, &same), 0);
    ck_assert(!same);
    ck_assert_int_eq(area_closest("Vervoer", tags, 3, false, &same), 2);
    ck_assert(same);
    ck_assert_int_eq(area_closest("koken", tags, 3, false, &same), -1);
}
END_TEST

int main(void)
{
    const TTest *tests[] = {test_read_forms, test_read_weekdays, test_read_nearest_year,
                            test_read_refused, test_show, test_words, test_words_complete,
                            test_pick, test_closest};
    const struct tu_suite suite = {.name = "words"};
    return tu_run(&suite, tests, sizeof tests / sizeof *tests);
}
