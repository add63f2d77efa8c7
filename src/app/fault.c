/* fault.c: whether a fault comes from the database, for the commands' fault handler. */
#include "wijktafel/app.h"
#include "wijktafel/store.h"

bool app_fault_is_ours(const void *addr, const void *pc)
{
    return app_reading_now() || store_fault_is_ours(addr, pc);
}
