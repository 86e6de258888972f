#pragma once

#include <adwaita.h>

#include "awp-training.h"

G_BEGIN_DECLS

/* "Join a Classroom…" (docs/training.md): the classroom's address and a
 * demo user picked from the list with their roles; joining is the real
 * sign-in with the demo password (awp_training_join_async). Errors name
 * the field; nothing changes until the join went through. */

#define AWP_TYPE_CLASSROOM_DIALOG (awp_classroom_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AwpClassroomDialog, awp_classroom_dialog, AWP, CLASSROOM_DIALOG, AdwWindow)

AwpClassroomDialog *awp_classroom_dialog_new          (AwpTraining        *training);
/* "admin.edu — Administrator · Ministry of …", translated. */
char               *awp_classroom_user_label          (const char         *username);

/* For tests and the screenshots. */
void                awp_classroom_dialog_set_address  (AwpClassroomDialog *self,
                                                       const char         *address);
gboolean            awp_classroom_dialog_set_user     (AwpClassroomDialog *self,
                                                       const char         *username);
/* The error shown, or NULL. */
const char         *awp_classroom_dialog_get_error    (AwpClassroomDialog *self);
/* The field the error names: "address" or "user"; NULL without an error. */
const char         *awp_classroom_dialog_get_error_field (AwpClassroomDialog *self);
/* TRUE while the join runs. */
gboolean            awp_classroom_dialog_is_busy      (AwpClassroomDialog *self);

G_END_DECLS
