#include "config.h"

#include "awp-audit.h"
#include "awp-conference-application.h"
#include "awp-outbox.h"
#include "awp-test-store.h"

/* O145-10.2: accept creates the draft conference in the same transaction;
 * refuse needs a ground and a reason; a second decision is refused. */

static char *
new_application (AwpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  char *id;

  json_object_set_string_member (data, "subject", "Ауыл шаруашылығын қолдау шаралары");
  json_object_set_string_member (data, "text", "Субсидиялар туралы конференция өткізуді сұраймыз.");
  json_object_set_string_member (data, "requester", "Айгүл Сәрсенова");
  json_object_set_string_member (data, "received_on", "2026-11-20");
  id = awp_store_create (store, "conference_application", data, "portal", &error);
  g_assert_no_error (error);
  return id;
}

static gint64
audits (AwpStore *store)
{
  gint64 n = 0, broken = 0;

  g_assert_true (awp_audit_verify (store, &n, &broken, NULL));
  return n;
}

static JsonObject *
data_of (AwpStore *store, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, NULL);

  g_assert_nonnull (record);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static void
test_accept_creates_draft (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = new_application (f->store);
  g_autofree char *conference_id = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonObject) application = NULL;
  g_autoptr(JsonObject) conference = NULL;
  gint64 outbox = awp_outbox_count (f->store, NULL, NULL);
  gint64 n_audit = audits (f->store);

  /* The 5 wd decision deadline is set on receipt: Fri 20.11 → Fri 27.11. */
  application = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (application, "due_on"), ==, "2026-11-27");
  g_clear_pointer (&application, json_object_unref);

  conference_id = awp_conference_application_accept (f->store, id, "admin", &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference_id);
  application = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (application, "status"), ==, "accepted");
  g_assert_cmpstr (json_object_get_string_member (application, "conference_id"), ==, conference_id);
  conference = data_of (f->store, conference_id);
  g_assert_cmpstr (json_object_get_string_member (conference, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (conference, "application_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (conference, "title"), ==, "Ауыл шаруашылығын қолдау шаралары");
  /* Two outbox rows (create, update) and two audit entries, chain intact. */
  g_assert_cmpint (awp_outbox_count (f->store, NULL, NULL), ==, outbox + 2);
  g_assert_cmpint (audits (f->store), ==, n_audit + 2);

  /* Decided already: no second conference, nothing written. */
  again = awp_conference_application_accept (f->store, id, "admin", &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_assert_null (again);
  g_assert_cmpint (awp_store_count (f->store, "conference", NULL), ==, 1);
  g_assert_cmpint (awp_outbox_count (f->store, NULL, NULL), ==, outbox + 2);
}

static void
test_refuse_needs_reason (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = new_application (f->store);
  g_autoptr(JsonObject) application = NULL;
  gint64 outbox = awp_outbox_count (f->store, NULL, NULL);

  g_assert_false (awp_conference_application_refuse (f->store, id, "competence", "  ", "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "refusal_reason"));
  g_clear_error (&error);
  g_assert_false (awp_conference_application_refuse (f->store, id, "weather", "Тақырып біздің құзыретімізге жатпайды", "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (awp_outbox_count (f->store, NULL, NULL), ==, outbox);

  g_assert_true (awp_conference_application_refuse (f->store, id, "competence",
                                                    "Тақырып біздің құзыретімізге жатпайды", "admin", &error));
  g_assert_no_error (error);
  application = data_of (f->store, id);
  g_assert_cmpstr (json_object_get_string_member (application, "status"), ==, "refused");
  g_assert_cmpstr (json_object_get_string_member (application, "refusal_ground"), ==, "competence");
  g_assert_cmpint (awp_outbox_count (f->store, NULL, NULL), ==, outbox + 1);
  g_assert_cmpint (awp_store_count (f->store, "conference", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("AWP_TODAY", "2026-11-20", TRUE);

  g_test_add ("/conference-application/accept-creates-draft", StoreFixture, NULL,
              store_fixture_setup, test_accept_creates_draft, store_fixture_teardown);
  g_test_add ("/conference-application/refuse-needs-reason", StoreFixture, NULL,
              store_fixture_setup, test_refuse_needs_reason, store_fixture_teardown);

  return g_test_run ();
}
