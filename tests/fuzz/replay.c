/* replay.c: runs a fuzz target's seed corpus and saved crash inputs as Check tests in the
 * normal build, so that every crash found stays a regression test. Arguments: folders. */
#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "rel.h"
#include "wijktafel/xalloc.h"

static char **files;
static size_t nfiles;

static void add_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return; /* no saved crashes yet */
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README") == 0)
            continue;
        files = xrealloc(files, (nfiles + 1) * sizeof *files);
        files[nfiles++] = rel_path(dir, e->d_name);
    }
    closedir(d);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(test_replay)
{
    size_t len;
    char *data = rel_read_file(files[_i], &len);
    ck_assert_msg(data != NULL, "%s cannot be read", files[_i]);
    /* An exact-size copy, so that an overread is an ASan report, not luck. */
    unsigned char *copy = malloc(len ? len : 1);
    memcpy(copy, data, len);
    free(data);
    fprintf(stderr, "replay: %s\n", files[_i]);
    LLVMFuzzerTestOneInput(copy, len);
    free(copy);
}
END_TEST

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        add_folder(argv[i]);
    if (nfiles == 0) {
        fprintf(stderr, "replay: no inputs in the folders given\n");
        return EXIT_FAILURE;
    }
    qsort(files, nfiles, sizeof *files, by_name);
    /* The csv target makes its databases here; each test is its own process. */
    char *tmp = rel_tmpdir("replay");
    setenv("FUZZ_TMPDIR", tmp, 1);
    Suite *s = suite_create("replay");
    TCase *tc = tcase_create("inputs");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_replay, 0, (int)nfiles);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    rel_rmtree(tmp);
    free(tmp);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
