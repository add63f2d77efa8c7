/* measure.c: reading and writing a wellbeing measure: six scores of 1 to 5, "-" for not scored. */
#include "wijktafel/measure.h"

#include <string.h>

#include "wijktafel/i18n.h"

const char *const measure_domains[MEASURE_DOMAINS] = {
    "lichaam", "mentaal", "zingeving", "kwaliteit", "meedoen", "dagelijks"};

const char *measure_domain_label(int d)
{
    static const char *const labels[MEASURE_DOMAINS] = {
        N_("lichaamsfuncties"), N_("mentaal welbevinden"), N_("zingeving"),
        N_("kwaliteit van leven"), N_("meedoen"), N_("dagelijks functioneren")};
    return d >= 0 && d < MEASURE_DOMAINS ? _(labels[d]) : "";
}

const char *measure_domain_word(int d)
{
    static const char *const words[MEASURE_DOMAINS] = {
        N_("lichaam"), N_("mentaal"), N_("zingeving"), N_("kwaliteit"), N_("meedoen"),
        N_("dagelijks")};
    return d >= 0 && d < MEASURE_DOMAINS ? _(words[d]) : "";
}

int measure_parse(const char *s, struct measure *out)
{
    struct measure m;
    int n = 0;
    const char *p = s;
    while (*p) {
        if (*p == ' ') {
            p++;
            continue;
        }
        if (n == MEASURE_DOMAINS || (p[1] && p[1] != ' '))
            return -1; /* too many, or more than one character */
        if (*p == '-')
            m.score[n++] = 0;
        else if (*p >= '1' && *p <= '5')
            m.score[n++] = *p - '0';
        else
            return -1;
        p++;
    }
    if (n != MEASURE_DOMAINS)
        return -1;
    *out = m;
    return 0;
}

void measure_format(const struct measure *m, char out[16])
{
    char *o = out;
    for (int i = 0; i < MEASURE_DOMAINS; i++) {
        if (i)
            *o++ = ' ';
        *o++ = m->score[i] >= 1 && m->score[i] <= 5 ? (char)('0' + m->score[i]) : '-';
    }
    *o = '\0';
}

bool measure_empty(const struct measure *m)
{
    for (int i = 0; i < MEASURE_DOMAINS; i++)
        if (m->score[i])
            return false;
    return true;
}
