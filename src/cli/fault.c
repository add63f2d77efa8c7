/* fault.c: a damaged data file read by LMDB ends a command with one line and exit 74, not a crash. */
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "wijktafel/app.h"
#include "wijktafel/cli.h"

static struct sigaction old_segv, old_bus;

/* True when addr lies in a mapping of a file named data.mdb (/proc/self/maps;
 * read with plain system calls, since this runs in a signal handler). */
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
        unsigned long lo = 0, hi = 0;
        const char *p = line;
        while (*p && *p != '-')
            lo = lo * 16 + (unsigned long)(*p >= 'a' ? *p - 'a' + 10 : *p - '0'), p++;
        if (*p == '-')
            p++;
        while (*p && *p != ' ')
            hi = hi * 16 + (unsigned long)(*p >= 'a' ? *p - 'a' + 10 : *p - '0'), p++;
        size_t len = strlen(line);
        if (a >= lo && a < hi && len > 9 && strcmp(line + len - 9, "/data.mdb") == 0)
            return true;
        line = nl ? nl + 1 : NULL;
    }
    return false;
}

/* True when the faulting instruction is in liblmdb. */
static bool in_lmdb(const void *uctx)
{
#if defined(__x86_64__)
    const ucontext_t *uc = uctx;
    Dl_info info;
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    return dladdr(pc, &info) && info.dli_fname && strstr(info.dli_fname, "liblmdb");
#else
    (void)uctx;
    return false;
#endif
}

static void on_fault(int sig, siginfo_t *si, void *uctx)
{
    /* A bus error here comes from the mapped data file: it was cut off. A
     * fault while a transaction reads the map most likely comes from a
     * damaged page handing out a wild length or pointer. */
    if (sig == SIGBUS || app_reading_now() || in_lmdb(uctx) ||
        in_data_file(si->si_addr)) {
        static const char msg[] = "wijktafel: de database lijkt beschadigd (fout bij het "
                                  "lezen); controleer met 'wijktafel check' of zet een "
                                  "reservekopie terug\n";
        if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
            /* nothing more to do */
        }
        _exit(74);
    }
    /* Our own bug: the handler before us (a sanitizer's) or the default. */
    const struct sigaction *old = sig == SIGSEGV ? &old_segv : &old_bus;
    if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
        old->sa_sigaction(sig, si, uctx);
        return;
    }
    if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
        old->sa_handler(sig);
        return;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_fault_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
}
