#include "config.h"

#include <string.h>

#include "awp-blog-request.h"
#include "awp-state-machine.h"
#include "awp-test-store.h"

/* Every life cycle, table-driven: each row is a path of actions from the
 * initial state; legal paths end in the given state, illegal ones fail on
 * their last action with an error naming the state and the action. */

typedef struct
{
  const char *type;
  const char *actions;  /* space-separated */
  const char *end;      /* final status, or NULL: the last action is illegal */
} Path;

static const Path paths[] = {
  /* Blog requests (O145-4, 5) */
  { "blog_request", "accept", "accepted" },
  { "blog_request", "return", "returned" },
  { "blog_request", "forward", "forwarded" },
  { "blog_request", "refuse", "refused" },
  { "blog_request", "accept answer", "answered" },
  { "blog_request", "accept extend answer", "answered" },
  { "blog_request", "answer", NULL },
  { "blog_request", "extend", NULL },
  { "blog_request", "accept extend extend", NULL },
  { "blog_request", "return accept", NULL },
  { "blog_request", "forward answer", NULL },
  { "blog_request", "accept answer answer", NULL },
  { "blog_request", "accept refuse", NULL },
  { "blog_request", "accept answer extend", NULL },
  { "blog_request", "publish", NULL },
  /* Conference applications (O145-10.2) */
  { "conference_application", "accept", "accepted" },
  { "conference_application", "refuse", "refused" },
  { "conference_application", "accept refuse", NULL },
  { "conference_application", "refuse accept", NULL },
  /* Conferences and surveys */
  { "conference", "submit accept publish close", "closed" },
  { "conference", "submit return submit accept", "accepted" },
  { "conference", "publish", NULL },
  { "conference", "submit publish", NULL },
  { "conference", "submit return accept", NULL },
  { "conference", "submit accept publish close publish", NULL },
  { "survey", "submit accept publish close", "closed" },
  { "survey", "submit return submit return submit accept publish", "published" },
  { "survey", "close", NULL },
  { "survey", "submit accept close", NULL },
  /* Meetings (O93) */
  { "meeting", "announce hold publish_results", "results_published" },
  { "meeting", "hold", NULL },
  { "meeting", "announce publish_results", NULL },
  { "meeting", "announce hold publish_results hold", NULL },
  /* Channels (O605) */
  { "accreditation_application", "send accredit", "accredited" },
  { "accreditation_application", "send refuse", "refused" },
  { "accreditation_application", "accredit", NULL },
  { "accreditation_application", "send accredit refuse", NULL },
  { "change_request", "send apply", "applied" },
  { "change_request", "send refuse", "refused" },
  { "change_request", "apply", NULL },
  { "termination_notice", "send apply", "applied" },
  { "termination_notice", "send refuse", NULL },
  { "termination_notice", "apply", NULL },
  /* Efficiency reports (O118) */
  { "efficiency_report", "request publish", "published" },
  { "efficiency_report", "publish", NULL },
  { "efficiency_report", "request publish request", NULL },
};

static void
test_engine (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const AwpStateMachine *m = awp_state_machine_for_type (paths[i].type);
      g_auto(GStrv) actions = g_strsplit (paths[i].actions, " ", -1);
      const char *state;
      guint n = g_strv_length (actions);

      g_assert_nonnull (m);
      state = m->initial;
      for (guint a = 0; a < n; a++)
        {
          g_autoptr(GError) error = NULL;
          const AwpTransition *t = awp_state_machine_find (m, state, actions[a], &error);

          if (a == n - 1 && paths[i].end == NULL)
            {
              g_assert_null (t);
              g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
              g_assert_nonnull (strstr (error->message, awp_state_label (state)));
              g_assert_nonnull (strstr (error->message, awp_action_label (actions[a])));
              break;
            }
          g_assert_no_error (error);
          g_assert_nonnull (t);
          g_assert_true (g_str_has_prefix (t->norm, "O"));
          state = t->to;
        }
      if (paths[i].end != NULL)
        g_assert_cmpstr (state, ==, paths[i].end);
    }
}

/* Each transition cites the norm that governs it (regulations digest):
 * a wrong order number here would send officials to the wrong text. */
static void
test_norms (void)
{
  static const struct { const char *type, *from, *action, *norm; } cases[] = {
    { "blog_request", "received", "return", "O145-4.3" },
    { "blog_request", "accepted", "extend", "O145-5.2" },
    { "conference_application", "received", "refuse", "O145-10.2" },
    { "conference", "draft", "submit", "O145-7" },
    { "conference", "accepted", "publish", "O145-8.1" },
    { "conference", "published", "close", "O145-9.2" },
    { "survey", "draft", "submit", "O145-7" },
    { "survey", "accepted", "publish", "O145-8.2" },
    { "survey", "published", "close", "O145-11" },
    { "meeting", "planned", "announce", "O605-8" },
    { "meeting", "held", "publish_results", "O605-14" },
    { "accreditation_application", "draft", "send", "O93-3" },
    { "accreditation_application", "sent", "accredit", "O93-5" },
    { "change_request", "draft", "send", "O93-11" },
    { "change_request", "sent", "apply", "O93-13" },
    { "termination_notice", "draft", "send", "O93-12" },
    { "termination_notice", "sent", "apply", "O93-13" },
    { "efficiency_report", "draft", "request", "O118-4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const AwpStateMachine *m = awp_state_machine_for_type (cases[i].type);
      const AwpTransition *t = awp_state_machine_find (m, cases[i].from, cases[i].action, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (t->norm, ==, cases[i].norm);
    }
}

static void
test_machines_well_formed (void)
{
  const AwpStateMachine *const *list = awp_state_machine_list ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      const AwpStateMachine *m = list[i];
      gboolean used = FALSE;

      g_assert_true (awp_state_machine_for_type (m->entity_type) == m);
      for (guint t = 0; t < m->n_transitions; t++)
        {
          /* Every state and action has a translated label. */
          g_assert_cmpstr (awp_state_label (m->transitions[t].to), !=, m->transitions[t].to);
          g_assert_cmpstr (awp_action_label (m->transitions[t].action), !=, m->transitions[t].action);
          used |= g_str_equal (m->transitions[t].from, m->initial);
          /* Deterministic: one target per (state, action). */
          for (guint u = t + 1; u < m->n_transitions; u++)
            g_assert_false (g_str_equal (m->transitions[t].from, m->transitions[u].from)
                            && g_str_equal (m->transitions[t].action, m->transitions[u].action));
        }
      g_assert_true (used);
    }
  g_assert_null (awp_state_machine_for_type ("organization"));
}

/* The same paths through the store: status, events and due dates. */
static void
test_store_paths (StoreFixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) fields = json_obj ("{\"subject\":\"Жол жөндеу\",\"received_on\":\"2026-03-02\"}");
      g_autofree char *id = awp_store_create (f->store, paths[i].type, fields, "op", &error);
      g_auto(GStrv) actions = g_strsplit (paths[i].actions, " ", -1);
      guint n = g_strv_length (actions);
      g_autoptr(JsonObject) rec = NULL;
      JsonObject *d;

      g_assert_no_error (error);
      for (guint a = 0; a < n; a++)
        {
          g_autoptr(JsonObject) extra = json_obj ("{\"extend_days\":10,\"answer\":\"Жауап\"}");
          gboolean ok = awp_store_transition (f->store, id, actions[a], extra, "op", &error);

          if (a == n - 1 && paths[i].end == NULL)
            {
              g_assert_false (ok);
              g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
              g_clear_error (&error);
              break;
            }
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      rec = awp_store_get_record (f->store, id, &error);
      g_assert_no_error (error);
      d = json_object_get_object_member (rec, "data");
      if (paths[i].end != NULL)
        {
          JsonArray *events = json_object_get_array_member (d, "events");
          JsonObject *last = json_array_get_object_element (events, json_array_get_length (events) - 1);

          g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, paths[i].end);
          g_assert_cmpuint (json_array_get_length (events), ==, n);
          g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "op");
          g_assert_true (json_object_has_member (last, "at"));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (last, "norm"), "O"));
        }
    }
}

static void
test_blog_deadlines (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* 6 Mar 2026 (Fri): O145-5.1 → 26 Mar (Nauryz 21-25 Mar off), see
   * test-awpctl-deadline.py; extended by 15 calendar days from 20 Mar → 6 Apr. */
  g_autoptr(JsonObject) fields = json_obj ("{\"subject\":\"Мектеп\",\"received_on\":\"2026-03-06\"}");
  g_autofree char *id = awp_store_create (f->store, "blog_request", fields, "op", &error);
  g_autoptr(JsonObject) rec = NULL;
  g_autoptr(JsonObject) ext = json_obj ("{\"extend_days\":15}");
  g_autoptr(JsonObject) too_long = json_obj ("{\"extend_days\":400}");
  JsonObject *d;

  g_assert_no_error (error);
  rec = awp_store_get_record (f->store, id, &error);
  d = json_object_get_object_member (rec, "data");
  g_assert_cmpstr (json_object_get_string_member (d, "due_on"), ==, "2026-03-26");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "deadlines"), "answer_by"), ==, "2026-03-26");
  g_assert_true (json_object_has_member (json_object_get_object_member (d, "deadlines"), "return_by"));
  g_clear_pointer (&rec, json_object_unref);

  g_assert_true (awp_store_transition (f->store, id, "accept", NULL, "op", &error));
  /* An extension longer than the norm allows is refused, nothing changes. */
  g_assert_false (awp_store_transition (f->store, id, "extend", too_long, "op", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (awp_store_transition (f->store, id, "extend", ext, "op", &error));
  g_assert_no_error (error);
  rec = awp_store_get_record (f->store, id, &error);
  d = json_object_get_object_member (rec, "data");
  g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "extended");
  g_assert_cmpstr (json_object_get_string_member (d, "due_on"), >, "2026-03-26");
  g_assert_cmpint (json_object_get_int_member (d, "times_extended"), ==, 1);
}

static void
count_notify (GObject *object, GParamSpec *pspec, GPtrArray *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

/* The domain object follows the store and notifies only what changed. */
static void
test_blog_request_object (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_obj ("{\"subject\":\"Аула\",\"received_on\":\"2026-03-06\",\"requester\":\"Ерлан Қасымов\"}");
  g_autofree char *id = awp_store_create (f->store, "blog_request", fields, "op", &error);
  g_autoptr(AwpBlogRequest) req = awp_blog_request_load (f->store, id, &error);
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) answer = json_obj ("{\"answer\":\"Орындалды\"}");
  g_autofree char *requester = NULL;
  g_autofree char *state = NULL;
  g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Акимат\"}");
  g_autofree char *org_id = awp_store_create (f->store, "organization", org, "op", &error);
  g_autoptr(JsonObject) org_record = awp_store_get_record (f->store, org_id, &error);
  g_autoptr(AwpBlogRequest) wrong = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (awp_blog_request_get_status (req), ==, "received");
  g_assert_cmpstr (awp_blog_request_get_due_on (req), ==, "2026-03-26");
  g_object_get (req, "requester", &requester, "sync-state", &state, NULL);
  g_assert_cmpstr (requester, ==, "Ерлан Қасымов");
  g_assert_cmpstr (state, ==, "pending");
  g_signal_connect (req, "notify", G_CALLBACK (count_notify), notified);

  g_assert_false (awp_blog_request_apply (req, f->store, "answer", answer, "op", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpuint (notified->len, ==, 0);

  g_assert_true (awp_blog_request_apply (req, f->store, "accept", NULL, "op", &error));
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (notified->pdata[0], ==, "status");
  g_assert_true (awp_blog_request_apply (req, f->store, "answer", answer, "op", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (awp_blog_request_get_status (req), ==, "answered");
  g_assert_cmpstr (awp_blog_request_get_answer (req), ==, "Орындалды");

  wrong = awp_blog_request_new_from_record (org_record, &error);
  g_assert_null (wrong);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/state-machine/engine", test_engine);
  g_test_add_func ("/state-machine/well-formed", test_machines_well_formed);
  g_test_add_func ("/state-machine/norms", test_norms);
  g_test_add ("/state-machine/store-paths", StoreFixture, NULL, store_fixture_setup, test_store_paths, store_fixture_teardown);
  g_test_add ("/state-machine/blog-deadlines", StoreFixture, NULL, store_fixture_setup, test_blog_deadlines, store_fixture_teardown);
  g_test_add ("/state-machine/blog-request-object", StoreFixture, NULL, store_fixture_setup, test_blog_request_object, store_fixture_teardown);
  return g_test_run ();
}
