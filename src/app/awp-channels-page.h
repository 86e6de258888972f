#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Channels and Registry workspace (Order 93): accreditation
 * applications (Annex 1) with the authorized body's review and decision,
 * the Registry (Annex 2) with each entry's history, search and CSV, and
 * change requests (Annex 3) and termination notices.
 * Actions (group "channels"): save, send, review, accredit, refuse,
 * notified, apply, request-change, terminate, export-csv, registry-pdf,
 * pdf (s: "ru"/"kk"), print (s). */

#define AWP_TYPE_CHANNELS_PAGE (awp_channels_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpChannelsPage, awp_channels_page, AWP, CHANNELS_PAGE, GtkWidget)

AwpChannelsPage *awp_channels_page_new          (void);
void             awp_channels_page_set_store    (AwpChannelsPage  *self,
                                                 AwpStore         *store);
/* The signed-in user's role (openapi Role): the authorized body's review,
 * decision and Registry actions only for "authorized_body", the state
 * body's application, change request and termination editing only for
 * "administrator" (O93-8). "administrator" until set. */
void             awp_channels_page_set_role     (AwpChannelsPage  *self,
                                                 const char       *role);
/* The signed-in user (e.g. "authorized"), named in the audit log of
 * every document and decision (NULL: the account's login name). */
void             awp_channels_page_set_actor    (AwpChannelsPage  *self,
                                                 const char       *actor);
/* Shows one record: an application, a Registry entry or a request. */
gboolean         awp_channels_page_open         (AwpChannelsPage  *self,
                                                 const char       *id,
                                                 GError          **error);
/* A new application draft, opened in the editor; its id. */
char            *awp_channels_page_create_application (AwpChannelsPage *self,
                                                       GError         **error);
/* The editor's widget for a data field of the open document (for tests
 * and focus), or NULL. */
GtkWidget       *awp_channels_page_get_field    (AwpChannelsPage  *self,
                                                 const char       *field);
/* The last message shown in the open document (an error or a result). */
const char      *awp_channels_page_get_message  (AwpChannelsPage  *self);
GtkListBox      *awp_channels_page_get_list     (AwpChannelsPage  *self,
                                                 const char       *which);
/* "ru" or "kk": the Registry's language on screen. */
void             awp_channels_page_set_registry_language (AwpChannelsPage *self,
                                                          const char      *lang);
/* The side-by-side difference of the open change request (old, new). */
void             awp_channels_page_get_diff     (AwpChannelsPage  *self,
                                                 GtkLabel        **old_side,
                                                 GtkLabel        **new_side);
/* The Annex 1 application open in the editor as a PDF at @path. */
gboolean         awp_channels_page_write_pdf    (AwpChannelsPage  *self,
                                                 const char       *lang,
                                                 const char       *path,
                                                 GError          **error);
/* The Registry (Annex 2) as a PDF at @path in the language on screen. */
gboolean         awp_channels_page_write_registry_pdf (AwpChannelsPage *self,
                                                       const char      *path,
                                                       GError         **error);
/* The Registry as CSV at @path in the language on screen. */
gboolean         awp_channels_page_export_csv   (AwpChannelsPage  *self,
                                                 const char       *path,
                                                 GError          **error);

G_END_DECLS
