#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* Deterministic demo and load data in Kazakh and Russian: organizations
 * (ministries, akimats, quasi-public companies), blog requests with due
 * dates from the statutory rules, answers and ratings, conferences, surveys,
 * meetings and channels. The same @seed gives the same data (ids included);
 * dates are spread over the two years before 2026-11-20. Seeded rows count
 * as already on the server (record_base, no outbox rows); one audit entry
 * records the seeding. */
gboolean awp_seed_run (AwpStore  *store,
                       guint      n_requests,
                       guint32    seed,
                       GError   **error);

G_END_DECLS
