#pragma once

#include "awp-store.h"

G_BEGIN_DECLS

/* Conference applications (O145-10): users apply in free form for a
 * conference topic; within 5 wd the administrator accepts the application,
 * which creates the draft conference from it, or refuses it with the reason
 * (outside the body's competence or its activities, O145-10.2). */

/* Accepts application @id and creates its draft conference, both in ONE
 * transaction (records, outbox rows, audit entries). Returns the new
 * conference's id; NULL with an error and nothing written otherwise. */
char     *awp_conference_application_accept (AwpStore    *store,
                                             const char  *id,
                                             const char  *actor,
                                             GError     **error);
/* Refuses application @id. @ground is "competence" or "activities";
 * @reason must not be empty (the field is named in the error). */
gboolean  awp_conference_application_refuse (AwpStore    *store,
                                             const char  *id,
                                             const char  *ground,
                                             const char  *reason,
                                             const char  *actor,
                                             GError     **error);

G_END_DECLS
