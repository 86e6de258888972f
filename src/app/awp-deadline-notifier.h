#pragma once

#include <gio/gio.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* Desktop notifications (GNotification) when a deadline in any workspace
 * becomes due tomorrow and when it becomes overdue: once each, never
 * again, also across restarts (what was announced is kept in GSettings
 * "notified-deadlines", the day of the last check in
 * "deadlines-checked-on"). The preferences "notify-due-tomorrow" and
 * "notify-overdue" say whether they are shown; what is not shown is still
 * marked, so switching them on does not bring back old deadlines. Checked
 * at start, every quarter of an hour and at midnight. */

#define AWP_TYPE_DEADLINE_NOTIFIER (awp_deadline_notifier_get_type ())
G_DECLARE_FINAL_TYPE (AwpDeadlineNotifier, awp_deadline_notifier, AWP, DEADLINE_NOTIFIER, GObject)

/* @application may be NULL (nothing reaches the desktop, the rest runs). */
AwpDeadlineNotifier *awp_deadline_notifier_new   (GApplication        *application,
                                                  AwpStore            *store,
                                                  GSettings           *settings);
/* Checks now; the number of notifications sent (0, 1 or 2). */
guint                awp_deadline_notifier_check (AwpDeadlineNotifier *self,
                                                  GError             **error);
/* The notifications sent so far: "id" → GNotification (tests). */
GHashTable          *awp_deadline_notifier_get_sent (AwpDeadlineNotifier *self);
/* How many deadlines the last one of @id ("deadlines-overdue",
 * "deadlines-tomorrow") announced. */
guint                awp_deadline_notifier_get_last_count (AwpDeadlineNotifier *self,
                                                       const char          *id);

G_END_DECLS
