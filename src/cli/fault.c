/* fault.c: a damaged database file ends a command with one line and exit 74, not a crash;
 * whether a fault is the database's is the store's to say (app_fault_is_ours). */
#include <signal.h>
#include <string.h>
#include <sysexits.h>
#include <ucontext.h>
#include <unistd.h>

#include "wijktafel/app.h"
#include "wijktafel/cli.h"

static struct sigaction old_segv, old_bus;

/* The faulting instruction's address, where the platform tells it. */
static const void *fault_pc(const void *uctx)
{
#if defined(__x86_64__)
    const ucontext_t *uc = uctx;
    return (const void *)uc->uc_mcontext.gregs[REG_RIP];
#else
    (void)uctx;
    return NULL;
#endif
}

static void on_fault(int sig, siginfo_t *si, void *uctx)
{
    /* A bus error here comes from the mapped data file: it was cut off. A
     * fault while a transaction reads the map most likely comes from a
     * damaged page handing out a wild length or pointer. */
    if (sig == SIGBUS || app_fault_is_ours(si->si_addr, fault_pc(uctx))) {
        static const char msg[] = "wijktafel: de database lijkt beschadigd (fout bij het "
                                  "lezen); controleer met 'wijktafel check' of zet een "
                                  "reservekopie terug\n";
        if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
            /* nothing more to do */
        }
        _exit(EX_IOERR);
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
