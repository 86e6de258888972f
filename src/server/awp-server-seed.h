#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* The anchor day when none is given: [seed] date, else 2 March 2026. */
void     awp_server_seed_default_date (AwpServer    *server,
                                       GDate        *out);
/* Deterministic demo data in Kazakh and Russian (docs/training.md lists
 * the users and passwords), dated in the weeks around @anchor. Running it
 * twice changes nothing. */
gboolean awp_server_seed_demo_data (AwpServer    *server,
                                    const GDate  *anchor,
                                    GError      **error);
/* @count extra blog requests spread over the demo bodies (scale data). */
gboolean awp_server_seed_scale     (AwpServer    *server,
                                    guint         count,
                                    const GDate  *anchor,
                                    GError      **error);

G_END_DECLS
