#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* Deterministic demo and load data in Kazakh and Russian: organizations
 * (ministries, akimats, quasi-public companies), blog requests with due
 * dates from the statutory rules (extended ones with the extended due date
 * and the user-notice deadline, O145-5.2), answers rated Like / Dislike with
 * the reason (O145-6), conference applications (O145-10), conferences and
 * surveys in the Annex 1 / 2 shape, meetings as the Order 605 planner keeps
 * them, and channels. The same @seed gives the same data (ids included);
 * dates are spread over the two years before 2026-11-20. Seeded rows count
 * as already on the server (record_base, no outbox rows); one audit entry
 * records the seeding. */
gboolean awp_seed_run (AwpStore  *store,
                       guint      n_requests,
                       guint32    seed,
                       GError   **error);

G_END_DECLS
