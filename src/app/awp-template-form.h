#pragma once

#include <adwaita.h>

#include "awp-template-check.h"

G_BEGIN_DECLS

/* What the conference and survey editors share: a working copy of the
 * template's data, its inputs (each tied to a JSON member), validation as
 * you type, the live rule checks and notices, debounced autosave through
 * the store, status and submission. Not a widget: each editor owns one. */

/* Autosave runs this long after the last keystroke (≤ 2 s, the brief). */
#define AWP_TEMPLATE_FORM_AUTOSAVE_MS 800

typedef GPtrArray *(*AwpTemplateFormFunc)   (JsonObject               *data,
                                             const AwpTemplateContext *ctx);
typedef gboolean   (*AwpTemplateSubmitFunc) (AwpStore                 *store,
                                             const char               *id,
                                             const GDate              *today,
                                             const char               *actor,
                                             GError                  **error);

typedef struct
{
  const char            *type;            /* "conference", "survey" */
  AwpTemplateFormFunc    validate;
  AwpTemplateFormFunc    check_rules;
  AwpTemplateFormFunc    notices;
  AwpTemplateSubmitFunc  submit;
  const char *const     *members;         /* what the editor writes */
} AwpTemplateKind;

typedef enum
{
  AWP_FORM_ENTRY,
  AWP_FORM_TEXT,   /* several lines */
  AWP_FORM_DATE,   /* DD.MM.YYYY shown, YYYY-MM-DD stored */
} AwpFormInputKind;

typedef struct _AwpTemplateForm AwpTemplateForm;

/* Called after the form loads, to rebuild parts made from the data. */
typedef void (*AwpTemplateFormLoaded) (gpointer user_data);
/* Called after every change of the working copy (typing, structure). */
typedef void (*AwpTemplateFormChanged) (gpointer user_data);

typedef struct
{
  GtkLabel   *status_label;
  GtkLabel   *save_label;
  GtkLabel   *remarks_label;
  GtkLabel   *message_label;
  GtkListBox *checks_list;
  GtkListBox *notices_list;
  GtkWidget  *form_box;       /* made insensitive when not editable */
  GtkWidget  *submit_button;
} AwpTemplateFormWidgets;

AwpTemplateForm *awp_template_form_new        (const AwpTemplateKind        *kind,
                                               const AwpTemplateFormWidgets *widgets,
                                               AwpTemplateFormLoaded         loaded,
                                               AwpTemplateFormChanged        changed,
                                               gpointer                      user_data);
void             awp_template_form_free       (AwpTemplateForm *form);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpTemplateForm, awp_template_form_free)

/* The store (NULL: nothing can be loaded). */
void             awp_template_form_set_store  (AwpTemplateForm  *form,
                                               AwpStore         *store);
AwpStore        *awp_template_form_get_store  (AwpTemplateForm  *form);
/* Saves what is pending, then loads the template @id. */
gboolean         awp_template_form_load       (AwpTemplateForm  *form,
                                               const char       *id,
                                               GError          **error);
const char      *awp_template_form_get_id     (AwpTemplateForm  *form);
/* The working copy (borrowed; the editor may change it, then call _changed). */
JsonObject      *awp_template_form_get_data   (AwpTemplateForm  *form);
/* The "today" the checks use (tests pin it; default the current date). */
void             awp_template_form_set_today  (AwpTemplateForm  *form,
                                               const GDate      *today);
const char      *awp_template_form_get_actor  (AwpTemplateForm  *form);
/* The signed-in user, named in the audit log (NULL: the login name). */
void             awp_template_form_set_actor  (AwpTemplateForm  *form,
                                               const char       *actor);

/* A captioned input with its error line, bound to @member of the data, or of
 * question @question / option @option (-1: none). @dynamic inputs are the
 * ones awp_template_form_drop_dynamic() forgets before a rebuild. Returns
 * the box to pack; *input receives the GtkEntry / GtkTextView. */
GtkWidget       *awp_template_form_field      (AwpTemplateForm  *form,
                                               AwpFormInputKind  kind,
                                               const char       *caption,
                                               const char       *member,
                                               int               question,
                                               int               option,
                                               gboolean          dynamic,
                                               GtkWidget       **input);
void             awp_template_form_drop_dynamic (AwpTemplateForm *form);
/* The editor changed the working copy itself (e.g. a question moved). */
void             awp_template_form_changed    (AwpTemplateForm  *form);
/* Revalidates without saving (e.g. after the store changed). */
void             awp_template_form_refresh    (AwpTemplateForm  *form);
/* Saves now what autosave would; TRUE when nothing was pending too. */
gboolean         awp_template_form_flush      (AwpTemplateForm  *form,
                                               GError          **error);
gboolean         awp_template_form_has_pending (AwpTemplateForm *form);
/* O145-7: saves, then sends the template to the Operator. */
gboolean         awp_template_form_submit     (AwpTemplateForm  *form,
                                               GError          **error);
/* Field issues of the last check (AwpFieldError, borrowed). */
GPtrArray       *awp_template_form_get_issues (AwpTemplateForm  *form);
GPtrArray       *awp_template_form_get_checks (AwpTemplateForm  *form);

/* The template as its Annex document: saved as PDF (a file dialog), or
 * printed (the print dialog). */
void             awp_template_form_save_pdf   (AwpTemplateForm  *form,
                                               GtkWidget        *owner);
void             awp_template_form_print      (AwpTemplateForm  *form,
                                               GtkWidget        *owner);

/* Shared small helpers. */
char            *awp_template_form_display_date (const char *iso);

G_END_DECLS
