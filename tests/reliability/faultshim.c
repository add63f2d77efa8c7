/* faultshim.c: an LD_PRELOAD library that makes writes or syncs of a database's data.mdb fail
 * (ENOSPC or EIO) after a number of them went through, to test what users see on a full or
 * failing disk. WT_FAULT=enospc|eio, WT_FAULT_OP=write|sync|meta, WT_FAULT_AFTER=N (default 0);
 * "meta" fails only the positional writes into the first two pages, LMDB's meta pages.
 * With WT_FAULT_CONTROL=PATH the fault is read from that file at every write or sync instead,
 * so that a test can switch it on and off while a program runs: "KIND OP [AFTER]" on one line;
 * a missing or empty file is no fault. The count of AFTER starts again when the file changes.
 * With WT_FAULT_PATH=TEXT the fault hits every file whose path contains TEXT instead of data.mdb
 * (a backup's temporary file). */
/* Both pwrite and pwrite64 are replaced, so the plain names must stay plain. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static long passed;

/* The fault in force, from WT_FAULT_CONTROL's file or the environment: 1 when there is one. */
static int current_fault(char *fault, char *want, long *after)
{
    const char *control = getenv("WT_FAULT_CONTROL");
    if (!control) {
        const char *f = getenv("WT_FAULT"), *o = getenv("WT_FAULT_OP");
        const char *a = getenv("WT_FAULT_AFTER");
        if (!f || !o)
            return 0;
        snprintf(fault, 16, "%s", f);
        snprintf(want, 16, "%s", o);
        *after = a ? atol(a) : 0;
        return 1;
    }
    static char last[64];
    char text[64] = "";
    FILE *fp = fopen(control, "r");
    if (fp) {
        if (!fgets(text, sizeof text, fp))
            text[0] = '\0';
        fclose(fp);
    }
    if (strcmp(text, last) != 0) {
        memcpy(last, text, sizeof last);
        passed = 0;
    }
    *after = 0;
    return sscanf(text, "%15s %15s %ld", fault, want, after) >= 2;
}

/* True when fd is a data.mdb and this call is to fail; off is a positional write's offset,
 * or -1. */
static int should_fail_at(int fd, const char *op, off_t off)
{
    char fault[16], want[16];
    long after;
    if (!current_fault(fault, want, &after))
        return 0;
    if (strcmp(want, "meta") == 0) {
        if (strcmp(op, "write") != 0 || off < 0 || off >= 2 * sysconf(_SC_PAGESIZE))
            return 0;
    } else if (strcmp(want, op) != 0) {
        return 0;
    }
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    size_t tl = strlen(target);
    const char *only = getenv("WT_FAULT_PATH");
    if (only && *only ? !strstr(target, only)
                      : tl < 9 || strcmp(target + tl - 9, "/data.mdb") != 0)
        return 0;
    if (passed++ < after)
        return 0;
    errno = strcmp(fault, "enospc") == 0 ? ENOSPC : EIO;
    return 1;
}

static int should_fail(int fd, const char *op)
{
    return should_fail_at(fd, op, -1);
}

/* NOLINTNEXTLINE(bugprone-macro-parentheses): name is also stringized */
#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *buf, size_t n)
{
    if (should_fail(fd, "write"))
        return -1;
    return NEXT(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    if (should_fail_at(fd, "write", off))
        return -1;
    return NEXT(pwrite)(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    if (should_fail_at(fd, "write", off))
        return -1;
    return NEXT(pwrite64)(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    if (should_fail(fd, "write"))
        return -1;
    return NEXT(writev)(fd, iov, cnt);
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
    if (should_fail_at(fd, "write", off))
        return -1;
    return NEXT(pwritev)(fd, iov, cnt, off);
}

int fsync(int fd)
{
    if (should_fail(fd, "sync"))
        return -1;
    return NEXT(fsync)(fd);
}

int fdatasync(int fd)
{
    if (should_fail(fd, "sync"))
        return -1;
    return NEXT(fdatasync)(fd);
}
