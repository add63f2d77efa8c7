/* fault.c: whether a SIGSEGV or SIGBUS comes from the database file or from LMDB, for the
 * commands' fault handler (cli/fault.c); the only place outside the store's environment that
 * knows the file's name and the library's. Runs inside a signal handler: plain system calls,
 * no allocation. */
#include <dlfcn.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "wijktafel/store.h"

/* One hex number of /proc/self/maps at *p, advancing *p past it. */
static unsigned long hex_at(const char **p)
{
    unsigned long v = 0;
    for (;; (*p)++) {
        char c = **p;
        if (c >= '0' && c <= '9')
            v = v * 16 + (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v = v * 16 + (unsigned long)(c - 'a' + 10);
        else
            return v;
    }
}

/* True when addr lies in a mapping of a file named data.mdb (LMDB's data file). */
static bool in_data_file(const void *addr)
{
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    static char buf[65536];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    unsigned long a = (unsigned long)addr;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        const char *p = line;
        unsigned long lo = hex_at(&p);
        if (*p == '-')
            p++;
        unsigned long hi = hex_at(&p);
        size_t len = strlen(line);
        if (a >= lo && a < hi && len > 9 && strcmp(line + len - 9, "/data.mdb") == 0)
            return true;
        line = nl ? nl + 1 : NULL;
    }
    return false;
}

/* True when the instruction at pc belongs to liblmdb. */
static bool in_lmdb(const void *pc)
{
    Dl_info info;
    return pc && dladdr(pc, &info) && info.dli_fname && strstr(info.dli_fname, "liblmdb");
}

bool store_fault_is_ours(const void *addr, const void *pc)
{
    return in_lmdb(pc) || in_data_file(addr);
}
