#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Reports workspace (Order 118): efficiency reports per body and
 * reporting year, due 1 March (O118-4, O118-5), the confirmation that a
 * report holds no restricted information (O118-6), the request to the
 * operator and the published link; public discussions (O118-7) open the
 * conference editor. Actions (group "reports"): new, create, save,
 * request, publish. */

#define AWP_TYPE_REPORTS_PAGE (awp_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpReportsPage, awp_reports_page, AWP, REPORTS_PAGE, GtkWidget)

AwpReportsPage *awp_reports_page_new         (void);
/* The signed-in user, named in the audit log (NULL: the login name). */
void            awp_reports_page_set_actor   (AwpReportsPage  *self,
                                              const char      *actor);
void            awp_reports_page_set_store   (AwpReportsPage  *self,
                                              AwpStore        *store);
gboolean        awp_reports_page_open        (AwpReportsPage  *self,
                                              const char      *id,
                                              GError         **error);
/* The widget of a field in the form on screen, or NULL. */
GtkWidget      *awp_reports_page_get_field   (AwpReportsPage  *self,
                                              const char      *field);
const char     *awp_reports_page_get_message (AwpReportsPage  *self);
/* The report open in the detail pane, or NULL. */
const char     *awp_reports_page_get_open_id (AwpReportsPage  *self);
GtkListBox     *awp_reports_page_get_list    (AwpReportsPage  *self);

G_END_DECLS
