#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* Test-only fault injection (docs/training.md, "Fault plans"): with
 * `[test] fault-plan=FILE` (or `awp-server --fault-plan FILE`) every request
 * consults FILE; the first line matching it is removed from the file and
 * acted on. Lines: METHOD PATH-PREFIX ACTION [ARG]
 *   status CODE [RETRY-AFTER]  answer CODE with the API's error body instead
 *   truncate                   serve the request, send half of the body
 *   stall SECONDS              serve the request, hold the answer that long
 *   expire-token               expire the caller's access token first
 * METHOD may be "*". A missing file means no faults. */

typedef enum
{
  AWP_FAULT_NONE,
  AWP_FAULT_STATUS,
  AWP_FAULT_TRUNCATE,
  AWP_FAULT_STALL,
  AWP_FAULT_EXPIRE_TOKEN,
} AwpFaultKind;

typedef struct
{
  AwpFaultKind kind;
  guint        status;       /* STATUS */
  guint        seconds;      /* STATUS: Retry-After (0: none); STALL */
} AwpFault;

/* Takes the next fault for @method @path from the plan, if any. */
AwpFault awp_server_fault_take  (AwpServer  *server,
                                 const char *method,
                                 const char *path);
/* Answers @req as @fault says (STATUS), before the handler runs. */
void     awp_server_fault_reply (AwpServerRequest *req,
                                 const AwpFault   *fault);
/* After the handler: cuts the body (TRUNCATE) or holds it (STALL). */
void     awp_server_fault_after (AwpServerRequest *req,
                                 const AwpFault   *fault);

G_END_DECLS
