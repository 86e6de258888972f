#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 9562 UUIDv7: 48-bit Unix milliseconds, then a 12-bit counter that keeps
 * ids made within one millisecond in order, then random bits. Ids sort by
 * creation time, so B-tree inserts append. */
char *awp_uuid_v7 (void);
/* The same for a given time (milliseconds since the epoch): seeds and tests. */
char *awp_uuid_v7_at (gint64 unix_ms, GRand *rand);
/* RFC 9562 UUIDv4 (mutation ids: nothing to learn from their order). */
char *awp_uuid_v4 (void);
/* TRUE for a canonical lower-case UUID string of version @version (0: any). */
gboolean awp_uuid_is_valid (const char *uuid, int version);

G_END_DECLS
