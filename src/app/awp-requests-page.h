#pragma once

#include <adwaita.h>

#include "awp-query-model.h"
#include "awp-request-detail.h"
#include "awp-ratings-window.h"
#include "awp-store.h"

G_BEGIN_DECLS

#define AWP_TYPE_REQUESTS_PAGE (awp_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpRequestsPage, awp_requests_page, AWP, REQUESTS_PAGE, GtkWidget)

/* The blog requests workspace (O145-3 … 6): the queue over the lazy store
 * model, its filters and search, the detail pane and the actions. */
/* "blog_request" (the default, O145-3 … 6) or "conference_application"
 * (O145-10); before the store is set. */
void              awp_requests_page_set_entity_type (AwpRequestsPage *self,
                                                     const char      *type);
void              awp_requests_page_set_store    (AwpRequestsPage *self,
                                                  AwpStore        *store,
                                                  const char      *actor);
/* Who signs the actions in the audit log and the timeline (the signed-in
 * user; the login name of this computer until one is known). */
void              awp_requests_page_set_actor    (AwpRequestsPage *self,
                                                  const char      *actor);
AwpQueryModel    *awp_requests_page_get_model    (AwpRequestsPage *self);
AwpRequestDetail *awp_requests_page_get_detail   (AwpRequestsPage *self);
void              awp_requests_page_set_filter   (AwpRequestsPage *self,
                                                  AwpQueueFilter   filter);
/* The count shown on a filter's button (current status and search applied). */
guint             awp_requests_page_get_filter_count (AwpRequestsPage *self,
                                                      AwpQueueFilter   filter);
void              awp_requests_page_focus_search (AwpRequestsPage *self);
/* Selects the row at @position and shows it in the detail pane. */
void              awp_requests_page_select       (AwpRequestsPage *self,
                                                  guint            position);
/* Shows the request @id in the detail pane (from Today). */
void              awp_requests_page_show_request (AwpRequestsPage *self,
                                                  const char      *id);
/* The dialog an action opened last (tests drive it), or NULL. */
AdwMessageDialog *awp_requests_page_get_dialog   (AwpRequestsPage *self);
/* The ratings overview (O145-6) opened last by "requests.ratings", or NULL. */
AwpRatingsWindow *awp_requests_page_get_ratings_window (AwpRequestsPage *self);

/* The current view (filters, status and search applied) as CSV. */
gboolean          awp_requests_page_export_csv   (AwpRequestsPage *self,
                                                  GOutputStream   *out,
                                                  GError         **error);
/* The same as a PDF table (kk/ru/en headings from the UI language). */
gboolean          awp_requests_page_export_pdf   (AwpRequestsPage *self,
                                                  GOutputStream   *out,
                                                  GError         **error);

G_END_DECLS
