#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One generic engine for every data table's life cycle: a machine is a
 * table of (from, action, to, norm) rows; states with no way out are final.
 * Illegal actions are errors naming the state and the action, never no-ops. */

typedef struct
{
  const char *from;
  const char *action;
  const char *to;
  const char *norm;   /* the norm that allows it, e.g. "O145-4.3" */
} AwpTransition;

typedef struct
{
  const char          *entity_type;
  const char          *initial;
  const AwpTransition *transitions;
  guint                n_transitions;
} AwpStateMachine;

/* The machine of an entity type, or NULL when the type has no life cycle. */
const AwpStateMachine *awp_state_machine_for_type (const char *entity_type);
/* Every machine (for tests and documentation); NULL-terminated. */
const AwpStateMachine *const *awp_state_machine_list (void);

/* The transition @action leads to from @from, or NULL with
 * AWP_STORE_ERROR_TRANSITION naming both (translated). */
const AwpTransition   *awp_state_machine_find     (const AwpStateMachine  *machine,
                                                   const char             *from,
                                                   const char             *action,
                                                   GError                **error);
gboolean               awp_state_machine_is_final (const AwpStateMachine  *machine,
                                                   const char             *state);
/* Translated names of states and actions for messages and the UI. */
const char            *awp_state_label            (const char             *state);
const char            *awp_action_label           (const char             *action);

G_END_DECLS
