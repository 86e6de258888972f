#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* Deterministic demo data in Kazakh and Russian (docs/training.md lists
 * the users and passwords). Running it twice changes nothing. */
gboolean awp_server_seed_demo_data (AwpServer  *server,
                                    GError    **error);
/* @count extra blog requests spread over the demo bodies (scale data). */
gboolean awp_server_seed_scale     (AwpServer  *server,
                                    guint       count,
                                    GError    **error);

G_END_DECLS
