/* faultshim.c: an LD_PRELOAD library that makes writes or syncs of a database's data.mdb fail
 * (ENOSPC or EIO) after a number of them went through, to test what users see on a full or
 * failing disk. WT_FAULT=enospc|eio, WT_FAULT_OP=write|sync, WT_FAULT_AFTER=N (default 0). */
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

/* True when fd is a data.mdb and this call is to fail. */
static int should_fail(int fd, const char *op)
{
    const char *want = getenv("WT_FAULT_OP");
    const char *fault = getenv("WT_FAULT");
    if (!fault || !want || strcmp(want, op) != 0)
        return 0;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    size_t tl = strlen(target);
    if (tl < 9 || strcmp(target + tl - 9, "/data.mdb") != 0)
        return 0;
    const char *after = getenv("WT_FAULT_AFTER");
    if (passed++ < (after ? atol(after) : 0))
        return 0;
    errno = strcmp(fault, "enospc") == 0 ? ENOSPC : EIO;
    return 1;
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *buf, size_t n)
{
    if (should_fail(fd, "write"))
        return -1;
    return NEXT(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    if (should_fail(fd, "write"))
        return -1;
    return NEXT(pwrite)(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    if (should_fail(fd, "write"))
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
    if (should_fail(fd, "write"))
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
