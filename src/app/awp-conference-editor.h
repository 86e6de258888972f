#pragma once

#include <adwaita.h>

#include "awp-store.h"
#include "awp-template-form.h"

G_BEGIN_DECLS

/* The Internet conference template editor (Rules No. 145, Annex 1): kk/ru/en
 * side by side, validation as you type, the live rule checks O145-7 and
 * O145-9.1 with their explanations, the notice (O145-8.1), the public
 * discussion marker (O118-7), autosave of drafts and submission. */

#define AWP_TYPE_CONFERENCE_EDITOR (awp_conference_editor_get_type ())
G_DECLARE_FINAL_TYPE (AwpConferenceEditor, awp_conference_editor, AWP, CONFERENCE_EDITOR, GtkWidget)

AwpConferenceEditor *awp_conference_editor_new       (void);
void                 awp_conference_editor_set_store (AwpConferenceEditor  *self,
                                                      AwpStore             *store);
gboolean             awp_conference_editor_load      (AwpConferenceEditor  *self,
                                                      const char           *id,
                                                      GError              **error);
/* The shared form machinery (tests pin "today", flush autosave, read issues). */
AwpTemplateForm     *awp_conference_editor_get_form  (AwpConferenceEditor  *self);

/* Rereads the live question queue of a published conference (O145-9.2). */
void                 awp_conference_editor_refresh_questions (AwpConferenceEditor *self);

G_END_DECLS
