#pragma once

#include <gtk/gtk.h>

#include "awp-calendar.h"
#include "awp-store.h"

G_BEGIN_DECLS

#define AWP_TYPE_TODAY_PAGE (awp_today_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpTodayPage, awp_today_page, AWP, TODAY_PAGE, GtkWidget)

/* Today: what is overdue, due today and due tomorrow across all workspaces
 * (blog requests, extension notices, conference applications, meetings,
 * conference and survey templates), grouped, one click from the item:
 * "open-request" (id) for a blog request, "open-item" (record type, id)
 * for the others. Property "badge": the number
 * overdue or due today, as text for the sidebar ("" when none). */
void        awp_today_page_set_store (AwpTodayPage *self,
                                      AwpStore     *store);
/* Rows shown in a group: 0 overdue, 1 due today, 2 due tomorrow. */
guint       awp_today_page_get_count (AwpTodayPage *self,
                                      guint         group);
const char *awp_today_page_get_badge (AwpTodayPage *self);
/* The same for one workspace ("requests", "meetings" …); notified with
 * "badge". */
const char *awp_today_page_get_workspace_badge (AwpTodayPage *self,
                                                const char   *workspace);

G_END_DECLS
