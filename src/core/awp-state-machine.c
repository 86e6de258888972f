#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-state-machine.h"
#include "awp-store.h"

/* Norm ids: shared/regulations (O145 blog and conferences, O605 meetings,
 * O93 communication channels, O118 efficiency reports). */

static const AwpTransition blog_request[] = {
  { "received", "accept", "accepted", "O145-4.1" },
  { "received", "return", "returned", "O145-4.3" },
  { "received", "forward", "forwarded", "O145-4.2" },
  { "received", "refuse", "refused", "O145-5.3" },
  { "accepted", "extend", "extended", "O145-5.2" },
  { "accepted", "answer", "answered", "O145-5.1" },
  { "extended", "answer", "answered", "O145-5.1" },
};

static const AwpTransition conference_application[] = {
  { "received", "accept", "accepted", "O145-10.2" },
  { "received", "refuse", "refused", "O145-10.2" },
};

/* Conferences and survey templates go through the same approval. */
static const AwpTransition approval[] = {
  { "draft", "submit", "submitted", "O145-7" },
  { "submitted", "return", "returned", "O145-7" },
  { "submitted", "accept", "accepted", "O145-7" },
  { "returned", "submit", "submitted", "O145-7" },
  { "accepted", "publish", "published", "O145-8.1" },
  { "published", "close", "closed", "O145-9.2" },
};

static const AwpTransition survey[] = {
  { "draft", "submit", "submitted", "O145-7" },
  { "submitted", "return", "returned", "O145-7" },
  { "submitted", "accept", "accepted", "O145-7" },
  { "returned", "submit", "submitted", "O145-7" },
  { "accepted", "publish", "published", "O145-8.2" },
  { "published", "close", "closed", "O145-11" },
};

static const AwpTransition meeting[] = {
  { "planned", "announce", "announced", "O605-8" },
  { "announced", "hold", "held", "O605-5" },
  { "held", "publish_results", "results_published", "O605-14" },
};

static const AwpTransition accreditation[] = {
  { "draft", "send", "sent", "O93-3" },
  { "sent", "accredit", "accredited", "O93-5" },
  { "sent", "refuse", "refused", "O93-5" },
};

static const AwpTransition change_request[] = {
  { "draft", "send", "sent", "O93-11" },
  { "sent", "apply", "applied", "O93-13" },
  { "sent", "refuse", "refused", "O93-13" },
};

static const AwpTransition termination[] = {
  { "draft", "send", "sent", "O93-12" },
  { "sent", "apply", "applied", "O93-13" },
};

static const AwpTransition efficiency_report[] = {
  { "draft", "request", "requested", "O118-4" },
  { "requested", "publish", "published", "O118-4" },
};

#define MACHINE(type, initial, table) { type, initial, table, G_N_ELEMENTS (table) }

static const AwpStateMachine machines[] = {
  MACHINE ("accreditation_application", "draft", accreditation),
  MACHINE ("blog_request", "received", blog_request),
  MACHINE ("change_request", "draft", change_request),
  MACHINE ("conference", "draft", approval),
  MACHINE ("conference_application", "received", conference_application),
  MACHINE ("efficiency_report", "draft", efficiency_report),
  MACHINE ("meeting", "planned", meeting),
  MACHINE ("survey", "draft", survey),
  MACHINE ("termination_notice", "draft", termination),
};

static const AwpStateMachine *const machine_list[] = {
  &machines[0], &machines[1], &machines[2], &machines[3], &machines[4],
  &machines[5], &machines[6], &machines[7], &machines[8], NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (machine_list) == G_N_ELEMENTS (machines) + 1);

const AwpStateMachine *const *
awp_state_machine_list (void)
{
  return machine_list;
}

const AwpStateMachine *
awp_state_machine_for_type (const char *entity_type)
{
  g_return_val_if_fail (entity_type != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (machines); i++)
    if (g_str_equal (machines[i].entity_type, entity_type))
      return &machines[i];
  return NULL;
}

const AwpTransition *
awp_state_machine_find (const AwpStateMachine  *machine,
                        const char             *from,
                        const char             *action,
                        GError                **error)
{
  g_return_val_if_fail (machine != NULL, NULL);
  g_return_val_if_fail (from != NULL && action != NULL, NULL);

  for (guint i = 0; i < machine->n_transitions; i++)
    if (g_str_equal (machine->transitions[i].from, from)
        && g_str_equal (machine->transitions[i].action, action))
      return &machine->transitions[i];
  g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
               /* Translators: “Answer” is not allowed when the status is “Returned” */
               _("“%s” is not allowed when the status is “%s”"),
               awp_action_label (action), awp_state_label (from));
  return NULL;
}

gboolean
awp_state_machine_is_final (const AwpStateMachine *machine,
                            const char            *state)
{
  g_return_val_if_fail (machine != NULL && state != NULL, FALSE);

  for (guint i = 0; i < machine->n_transitions; i++)
    if (g_str_equal (machine->transitions[i].from, state))
      return FALSE;
  return TRUE;
}

static const char *const state_labels[][2] = {
  { "accepted", N_("Accepted") },
  { "accredited", N_("Accredited") },
  { "announced", N_("Announced") },
  { "answered", N_("Answered") },
  { "applied", N_("Applied") },
  { "closed", N_("Closed") },
  { "draft", N_("Draft") },
  { "extended", N_("Extended") },
  { "forwarded", N_("Forwarded") },
  { "held", N_("Held") },
  { "planned", N_("Planned") },
  { "published", N_("Published") },
  { "received", N_("Received") },
  { "refused", N_("Refused") },
  { "requested", N_("Requested") },
  { "results_published", N_("Results published") },
  { "returned", N_("Returned") },
  { "sent", N_("Sent") },
  { "submitted", N_("Submitted") },
};

static const char *const action_labels[][2] = {
  { "accept", N_("Accept") },
  { "accredit", N_("Accredit") },
  { "announce", N_("Announce") },
  { "answer", N_("Answer") },
  { "apply", N_("Apply") },
  { "close", N_("Close") },
  { "extend", N_("Extend the deadline") },
  { "forward", N_("Forward") },
  { "hold", N_("Hold") },
  { "publish", N_("Publish") },
  { "publish_results", N_("Publish the results") },
  { "refuse", N_("Refuse") },
  { "request", N_("Request") },
  { "return", N_("Return") },
  { "send", N_("Send") },
  { "submit", N_("Submit") },
};

static const char *
lookup_label (const char *const table[][2], guint n, const char *key)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i][0], key))
      return _(table[i][1]);
  /* Unknown names come from bad input: show them as they are. */
  return key;
}

const char *
awp_state_label (const char *state)
{
  return lookup_label (state_labels, G_N_ELEMENTS (state_labels), state);
}

const char *
awp_action_label (const char *action)
{
  return lookup_label (action_labels, G_N_ELEMENTS (action_labels), action);
}
