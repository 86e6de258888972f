#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Conferences or Surveys workspace: the body's templates with their
 * status, a "New" button, and the editor of the one activated. */

#define AWP_TYPE_TEMPLATES_PAGE (awp_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpTemplatesPage, awp_templates_page, AWP, TEMPLATES_PAGE, GtkWidget)

/* @kind: "conference" or "survey". */
AwpTemplatesPage *awp_templates_page_new        (const char        *kind);
/* Once, for pages built from a .ui file. */
void              awp_templates_page_set_kind   (AwpTemplatesPage  *self,
                                                 const char        *kind);
/* NULL: the page says the store is not open. */
void              awp_templates_page_set_store  (AwpTemplatesPage  *self,
                                                 AwpStore          *store);
/* The signed-in user, named in the audit log (NULL: the login name). */
void              awp_templates_page_set_actor  (AwpTemplatesPage  *self,
                                                 const char        *actor);
gboolean          awp_templates_page_open       (AwpTemplatesPage  *self,
                                                 const char        *id,
                                                 GError           **error);
/* A new draft, opened in the editor; its id. */
char             *awp_templates_page_create     (AwpTemplatesPage  *self,
                                                 GError           **error);
/* The AwpConferenceEditor or AwpSurveyEditor (borrowed). */
GtkWidget        *awp_templates_page_get_editor (AwpTemplatesPage  *self);
GtkListBox       *awp_templates_page_get_list   (AwpTemplatesPage  *self);

G_END_DECLS
