#pragma once

#include <adwaita.h>

#include "awp-store.h"

G_BEGIN_DECLS

/* The Operator's review workspace (O145-7): the conference and survey
 * templates that await the Operator, each with the time left before it
 * opens, a read-only view, and accept, return with remarks, publish. */

#define AWP_TYPE_OPERATOR_PAGE (awp_operator_page_get_type ())
G_DECLARE_FINAL_TYPE (AwpOperatorPage, awp_operator_page, AWP, OPERATOR_PAGE, GtkWidget)

AwpOperatorPage *awp_operator_page_new        (void);
void             awp_operator_page_set_store  (AwpOperatorPage  *self,
                                               AwpStore         *store);
void             awp_operator_page_set_actor  (AwpOperatorPage  *self,
                                               const char       *actor);
gboolean         awp_operator_page_open       (AwpOperatorPage  *self,
                                               const char       *id,
                                               GError          **error);
GtkListBox      *awp_operator_page_get_list   (AwpOperatorPage  *self);
/* The remarks input (for "return") and the line showing the last refusal. */
GtkTextView     *awp_operator_page_get_remarks (AwpOperatorPage *self);
const char      *awp_operator_page_get_error  (AwpOperatorPage  *self);

G_END_DECLS
