#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "awp-accreditation.h"
#include "awp-application.h"
#include "awp-channel-request.h"
#include "awp-classroom-dialog.h"
#include "awp-i18n.h"
#include "awp-operator-page.h"
#include "awp-outbox.h"
#include "awp-query-model.h"
#include "awp-server.h"
#include "awp-sync.h"
#include "awp-test-server.h"
#include "awp-test-ui.h"
#include "awp-training-banner.h"
#include "awp-training.h"
#include "awp-window.h"

/* The training classroom (issues 7 and 9) with real parts: a real
 * awp-server process with the demo seed, the real application started with
 * --training-url … --training-user operator, whose Operator page lists the
 * submitted demo templates and accepts one, after which the server holds
 * the new state; a trainer's workstation sharing its in-process server with
 * a joined one (the Operator's decision reaches the administrator; a reset
 * on the joined one leaves the shared server alone); and the Join dialog's
 * refusals, each naming the field. With AWP_SCREENSHOT_DIR set, the shared
 * strip and the Join dialog are saved (docs/screenshots). */

#define WAIT_SECONDS 60

typedef AwpTestUiCondition Condition;
#define wait_for(cond, data, what) awp_test_ui_wait_up_to (WAIT_SECONDS, (cond), (data), (what))
#define find_widget(root, type) awp_test_ui_find ((root), (type), NULL, NULL)

static gboolean
engine_online (gpointer data)
{
  AwpSyncEngine *e = awp_training_get_engine (data);

  return e != NULL && awp_sync_engine_get_state (e) == AWP_SYNC_STATE_ONLINE && awp_sync_engine_get_last_sync (e) != NULL;
}

static void
synced (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  awp_sync_engine_sync_finish (AWP_SYNC_ENGINE (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
sync_may_fail (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!awp_sync_engine_sync_finish (AWP_SYNC_ENGINE (source), result, &error))
    g_test_message ("sync: %s", error->message);
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* One whole sync cycle of @t's engine, now. */
static void
sync_and_wait (AwpTraining *t, const char *what)
{
  gboolean done = FALSE;

  awp_sync_engine_sync_async (awp_training_get_engine (t), NULL, synced, &done);
  wait_for (flag_set, &done, what);
}

static void
joined_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_training_join_finish (AWP_TRAINING (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
join_and_wait (AwpTraining *t, const char *url, const char *user)
{
  gboolean done = FALSE;

  awp_training_join_async (t, url, user, NULL, joined_cb, &done);
  wait_for (flag_set, &done, "the join");
}

/* The status of @id on the server, read by a fresh workstation of @user. */
static char *
server_status (const char *url, const char *user, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-classroom-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awp.db", NULL);
  g_autoptr(AwpStore) store = awp_store_open (path, &error);
  g_autoptr(JsonObject) record = NULL;
  AwpSync *sync = awp_sync_new (url, user);
  char *status = NULL;

  g_assert_no_error (error);
  awp_sync_set_use_keyring (sync, FALSE);
  g_assert_true (awp_sync_sign_in (sync, AWP_TRAINING_PASSWORD, NULL, &error));
  g_assert_true (awp_sync_run (sync, store, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  record = awp_store_get_record (store, id, NULL);
  if (record != NULL)
    status = g_strdup (json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                                   "status", NULL));
  awp_sync_free (sync);
  g_clear_object (&store);
  remove_dir (dir);
  return status;
}

/* ---- the application joined to a real awp-server as the Operator ---- */

typedef struct
{
  AwpApplication *app;
  const char     *url;
  AwpWindow      *window;
  char           *accepted_id;
} Run;

static gboolean
operator_queue_filled (gpointer data)
{
  Run *run = data;
  AwpOperatorPage *page;

  run->window = AWP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (run->app)));
  page = run->window != NULL ? awp_window_get_operator_page (run->window) : NULL;
  return page != NULL && gtk_list_box_get_row_at_index (awp_operator_page_get_list (page), 0) != NULL;
}

/* Every change to the accepted template acknowledged by the server. */
static gboolean
decision_acked (gpointer data)
{
  Run *run = data;
  g_autoptr(GPtrArray) all = awp_outbox_list (awp_application_get_store (run->app), NULL, NULL);
  guint mine = 0, acked = 0;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      AwpOutboxEntry *e = all->pdata[i];

      if (g_strcmp0 (e->entity_id, run->accepted_id) != 0)
        continue;
      mine++;
      acked += g_strcmp0 (e->status, "acked") == 0;
    }
  return mine > 0 && acked == mine;
}

static gboolean
drive_operator (gpointer data)
{
  Run *run = data;
  AwpTraining *training = awp_application_get_training (run->app);
  AwpOperatorPage *page;
  GtkListBox *list;
  GtkListBoxRow *row;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (training);
  g_assert_true (awp_training_is_joined (training));
  g_assert_cmpstr (awp_training_get_url (training), ==, run->url);
  wait_for (engine_online, training, "the joined Operator's first sync");
  g_assert_cmpstr (awp_sync_engine_get_role (awp_training_get_engine (training)), ==, "operator");
  wait_for (operator_queue_filled, run, "the Operator's review queue");
  g_assert_true (awp_window_set_workspace (run->window, "operator"));
  awp_test_ui_spin ();
  page = awp_window_get_operator_page (run->window);
  list = awp_operator_page_get_list (page);

  /* The demo's submitted templates, one per body (O145-7). */
  for (int i = 0; i < 5; i++)
    g_assert_nonnull (gtk_list_box_get_row_at_index (list, i));
  row = gtk_list_box_get_row_at_index (list, 0);
  run->accepted_id = g_strdup (g_object_get_data (G_OBJECT (row), "awp-id"));
  before = server_status (run->url, "operator", run->accepted_id);
  g_assert_cmpstr (before, ==, "submitted");

  g_signal_emit_by_name (list, "row-activated", row);
  awp_test_ui_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "operator.accept", NULL));
  awp_test_ui_spin ();
  g_assert_null (awp_operator_page_get_error (page));

  /* The edit is sent by itself (no sync button pressed). */
  wait_for (decision_acked, run, "the decision to reach the server");
  after = server_status (run->url, "operator", run->accepted_id);
  g_assert_cmpstr (after, ==, "accepted");
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate_operator (GApplication *app, Run *run)
{
  g_idle_add (drive_operator, run);
}

static void
test_operator_joins (void)
{
  AwpTestServer server = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Run run = { 0 };
  char *argv[] = { (char *) "awp", (char *) "--training-url", NULL, (char *) "--training-user",
                   (char *) "operator", NULL };

  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  awp_test_server_start (&server, NULL);
  argv[2] = server.url;
  run.url = server.url;
  run.app = awp_application_new ();
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (on_activate_operator), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.app), 5, argv), ==, 0);
  g_assert_nonnull (run.accepted_id);
  g_clear_object (&run.app);
  g_free (run.accepted_id);
  awp_test_server_stop (&server);
}

/* ---- a trainer's shared server and a joined workstation ------------ */

static gboolean
joined_ok (gpointer data)
{
  return awp_training_get_problem (data) != NULL || engine_online (data);
}

static char *
first_submitted (AwpStore *store)
{
  g_autoptr(AwpQueryModel) model = awp_query_model_new (store, "conference");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(AwpQueueItem) it = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (awp_queue_item_get_status (it), "submitted") == 0)
        return g_strdup (awp_queue_item_get_id (it));
    }
  return NULL;
}

static char *
local_status (AwpTraining *t, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpStore) store = awp_store_open (awp_training_get_store_path (t), &error);
  g_autoptr(JsonObject) rec = NULL;

  g_assert_no_error (error);
  rec = awp_store_get_record (store, id, NULL);
  return rec ? g_strdup (json_object_get_string_member (json_object_get_object_member (rec, "data"), "status")) : NULL;
}

static void
test_share_and_join (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpTraining) host = awp_training_new (&error);
  g_autoptr(AwpTraining) trainee = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_auto(GStrv) addresses = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  guint port;

  g_assert_no_error (error);
  g_assert_cmpuint (awp_training_get_shared_port (host), ==, 0);
  addresses = awp_training_dup_classroom_addresses (host);
  g_assert_cmpuint (g_strv_length (addresses), ==, 0);
  g_clear_pointer (&addresses, g_strfreev);
  wait_for (engine_online, host, "the trainer's first sync");

  /* Sharing is explicit; the class gets an address on the shared port. */
  g_assert_true (awp_training_share (host, 0, &error));
  g_assert_no_error (error);
  port = awp_training_get_shared_port (host);
  g_assert_cmpuint (port, !=, 0);
  addresses = awp_training_dup_classroom_addresses (host);
  g_assert_cmpuint (g_strv_length (addresses), >=, 1);
  {
    g_autofree char *suffix = g_strdup_printf (":%u", port);

    g_assert_true (g_str_has_suffix (addresses[0], suffix));
  }

  /* A trainee workstation joins as the Operator, with a store of its own. */
  url = g_strdup_printf ("127.0.0.1:%u", port);
  trainee = awp_training_new_joined (url, "operator", &error);
  g_assert_no_error (error);
  wait_for (joined_ok, trainee, "the join");
  g_assert_cmpstr (awp_training_get_problem (trainee), ==, NULL);
  g_assert_true (awp_training_is_joined (trainee));
  g_assert_cmpstr (awp_sync_engine_get_role (awp_training_get_engine (trainee)), ==, "operator");
  g_assert_cmpstr (awp_training_get_store_path (trainee), !=, awp_training_get_store_path (host));

  /* The Operator accepts admin.almaty's submitted demo conference … */
  store = awp_store_open (awp_training_get_store_path (host), &error);
  g_assert_no_error (error);
  id = first_submitted (store);
  g_assert_nonnull (id);
  g_clear_object (&store);
  store = awp_store_open (awp_training_get_store_path (trainee), &error);
  g_assert_true (awp_store_transition (store, id, "accept", NULL, "operator", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  sync_and_wait (trainee, "the Operator's decision");
  g_assert_cmpint (awp_sync_engine_get_pending (awp_training_get_engine (trainee)), ==, 0);

  /* … and the trainer's administrator sees it. */
  sync_and_wait (host, "the trainer's sync");
  status = local_status (host, id);
  g_assert_cmpstr (status, ==, "accepted");
  g_clear_pointer (&status, g_free);

  /* A reset on the joined workstation starts its own store over only. */
  g_assert_true (awp_training_reset (trainee, &error));
  g_assert_no_error (error);
  wait_for (engine_online, trainee, "the sync after the trainee's reset");
  status = local_status (trainee, id);
  g_assert_cmpstr (status, ==, "accepted");
  g_clear_pointer (&status, g_free);

  /* The trainer's reset starts the shared server over on the same port;
   * the trainee's next sync downloads the fresh demo world. */
  g_assert_true (awp_training_reset (host, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awp_training_get_shared_port (host), ==, port);
  wait_for (engine_online, host, "the trainer's sync after the reset");
  {
    gboolean done = FALSE;

    /* The session ended with the old server; training signs in again. */
    awp_sync_engine_sync_async (awp_training_get_engine (trainee), NULL, sync_may_fail, &done);
    wait_for (flag_set, &done, "the trainee's first sync after the trainer's reset");
  }
  wait_for (engine_online, trainee, "the trainee joined again");
  g_assert_cmpstr (awp_training_get_problem (trainee), ==, NULL);
  /* The fresh world: the template the Operator had accepted waits again. */
  status = local_status (trainee, id);
  g_assert_cmpstr (status, ==, "submitted");
  g_clear_pointer (&status, g_free);

  /* The trainer "joining" its own classroom switches the demo user only:
   * a fresh store, the same server, still shared. */
  {
    const char *old_store = awp_training_get_store_path (host);
    g_autofree char *kept = g_strdup (old_store);

    join_and_wait (host, url, "operator");
    g_assert_false (awp_training_is_joined (host));
    g_assert_cmpuint (awp_training_get_shared_port (host), ==, port);
    g_assert_cmpstr (awp_training_get_username (host), ==, "operator");
    g_assert_cmpstr (awp_training_get_store_path (host), !=, kept);
    wait_for (engine_online, host, "the trainer's sync as the Operator");
    g_assert_cmpstr (awp_sync_engine_get_role (awp_training_get_engine (host)), ==, "operator");
    status = local_status (host, id);
    g_assert_cmpstr (status, ==, "submitted");
    g_clear_pointer (&status, g_free);
  }

  /* Stopping the classroom keeps the trainer's own work going. */
  g_assert_true (awp_training_stop_sharing (host, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awp_training_get_shared_port (host), ==, 0);
  sync_and_wait (host, "the trainer's sync after sharing stopped");
}

/* ---- Order 93 in a classroom: applicant and authorized body -------- */

#define APPLICATION \
  "{\"to_body\":\"Министерство информации и общественного развития РК\"," \
  "\"from_body_kk\":\"Қазақстан Республикасы Оқу-ағарту министрлігі\"," \
  "\"from_body_ru\":\"Министерство просвещения Республики Казахстан\"," \
  "\"channel_name_kk\":\"«Мұғаліммен тікелей байланыс» қоғамдық қабылдау бөлмесі\"," \
  "\"channel_name_ru\":\"Общественная приемная «Прямая связь с учителем»\"," \
  "\"instruction\":\"\",\"regulating_act\":\"Приказ министра № 12\"," \
  "\"purpose\":\"Прием обращений родителей\",\"coverage\":\"republican\",\"format\":\"hybrid\"," \
  "\"resources\":\"Два сотрудника, помещение, телефонная линия\"," \
  "\"justification\":\"Опрос родителей 2025 года\",\"other_info\":\"\"," \
  "\"attachments\":[\"Положение о приемной\"],\"signer\":\"Сейітқали Ә. Б.\",\"signed_on\":\"2026-03-17\"}"

static AwpStore *
store_of (AwpTraining *t)
{
  g_autoptr(GError) error = NULL;
  AwpStore *store = awp_store_open (awp_training_get_store_path (t), &error);

  g_assert_no_error (error);
  return store;
}

static char *
field (AwpTraining *t, const char *id, const char *name)
{
  g_autoptr(AwpStore) store = store_of (t);
  g_autoptr(JsonObject) rec = awp_store_get_record (store, id, NULL);

  return rec ? g_strdup (json_object_get_string_member_with_default (json_object_get_object_member (rec, "data"),
                                                                     name, NULL)) : NULL;
}

static void
assert_nothing_held (AwpTraining *t)
{
  g_autoptr(AwpStore) store = store_of (t);

  g_assert_cmpint (awp_outbox_count (store, "rejected", NULL), ==, 0);
  g_assert_cmpint (awp_outbox_count (store, "conflict", NULL), ==, 0);
}

/* Issue 9: the applicant's workstation shares its classroom, the authorized
 * body's joins it; a channel goes from application to exclusion, each
 * decision made on one workstation and seen on the other (O93-3 … O93-13). */
static void
test_channel_classroom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpTraining) applicant = awp_training_new_for_user ("admin.edu", &error);
  g_autoptr(AwpTraining) authorized = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *cr_id = NULL;
  g_autofree char *tn_id = NULL;
  g_autofree char *v = NULL;

  g_assert_no_error (error);
  wait_for (engine_online, applicant, "the applicant's first sync");
  g_assert_true (awp_training_share (applicant, 0, &error));
  url = g_strdup_printf ("http://127.0.0.1:%u", awp_training_get_shared_port (applicant));
  authorized = awp_training_new_joined (url, "authorized", &error);
  g_assert_no_error (error);
  wait_for (joined_ok, authorized, "the authorized body's join");
  g_assert_cmpstr (awp_training_get_problem (authorized), ==, NULL);

  /* O93-3: the application, sent. */
  {
    g_autoptr(AwpStore) store = store_of (applicant);

    g_assert_true (json_parser_load_from_data (parser, APPLICATION, -1, NULL));
    app_id = awp_accreditation_create (store, json_node_get_object (json_parser_get_root (parser)), "admin.edu", &error);
    g_assert_no_error (error);
    g_assert_true (awp_accreditation_send (store, app_id, NULL, "admin.edu", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (applicant, "the application");
  assert_nothing_held (applicant);

  /* O93-5: reviewed and accredited on the authorized body's workstation. */
  sync_and_wait (authorized, "the authorized body's pull");
  v = field (authorized, app_id, "status");
  g_assert_cmpstr (v, ==, "sent");
  g_clear_pointer (&v, g_free);
  {
    g_autoptr(AwpStore) store = store_of (authorized);

    for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
      {
        g_assert_true (awp_accreditation_review (store, app_id, awp_accreditation_criteria[i], TRUE, "Проверено",
                                                 "authorized", &error));
        g_assert_no_error (error);
      }
    g_assert_true (awp_accreditation_decide (store, app_id, TRUE, NULL, NULL, "authorized", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (authorized, "the accreditation");
  assert_nothing_held (authorized);

  sync_and_wait (applicant, "the applicant's pull");
  v = field (applicant, app_id, "status");
  g_assert_cmpstr (v, ==, "accredited");
  g_clear_pointer (&v, g_free);
  channel = field (applicant, app_id, "channel_id");
  g_assert_nonnull (channel);
  v = field (applicant, channel, "number");
  g_assert_nonnull (v);
  g_clear_pointer (&v, g_free);

  /* O93-11, O93-13: a change request, applied. */
  {
    g_autoptr(AwpStore) store = store_of (applicant);
    g_autoptr(JsonObject) request = json_object_new ();

    json_object_set_string_member (request, "new_value", "Общественная приемная министра просвещения");
    json_object_set_string_member (request, "grounds", "Приказ министра № 45 от 04.05.2026");
    json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
    json_object_set_string_member (request, "signed_on", "2026-05-05");
    cr_id = awp_change_request_create (store, channel, "name_ru", request, "admin.edu", &error);
    g_assert_no_error (error);
    g_assert_true (awp_change_request_send (store, cr_id, NULL, "admin.edu", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (applicant, "the change request");
  sync_and_wait (authorized, "the authorized body's pull");
  {
    g_autoptr(AwpStore) store = store_of (authorized);

    g_assert_true (awp_change_request_apply (store, cr_id, NULL, "authorized", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (authorized, "the change");
  sync_and_wait (applicant, "the applicant's pull");
  v = field (applicant, channel, "name_ru");
  g_assert_cmpstr (v, ==, "Общественная приемная министра просвещения");
  g_clear_pointer (&v, g_free);

  /* O93-12, O93-13: the termination notice; the entry is excluded. */
  {
    g_autoptr(AwpStore) store = store_of (applicant);
    g_autoptr(JsonObject) notice = json_object_new ();

    json_object_set_string_member (notice, "text", "Работа приемной прекращается с 01.01.2027");
    json_object_set_string_member (notice, "signer", "Сейітқали Ә. Б.");
    json_object_set_string_member (notice, "signed_on", "2026-10-22");
    tn_id = awp_termination_create (store, channel, notice, "admin.edu", &error);
    g_assert_no_error (error);
    g_assert_true (awp_termination_send (store, tn_id, NULL, "admin.edu", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (applicant, "the termination notice");
  sync_and_wait (authorized, "the authorized body's pull");
  {
    g_autoptr(AwpStore) store = store_of (authorized);

    g_assert_true (awp_termination_apply (store, tn_id, NULL, "authorized", &error));
    g_assert_no_error (error);
  }
  sync_and_wait (authorized, "the exclusion");
  sync_and_wait (applicant, "the applicant's pull");
  v = field (applicant, channel, "excluded_on");
  g_assert_nonnull (v);
  g_assert_cmpstr (v, !=, "");
  g_clear_pointer (&v, g_free);
  assert_nothing_held (applicant);
  assert_nothing_held (authorized);
}

/* ---- the Join dialog's refusals ------------------------------------ */

static gboolean
dialog_idle (gpointer data)
{
  return !awp_classroom_dialog_is_busy (data);
}

static void
join_failed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_assert_false (awp_training_join_finish (AWP_TRAINING (source), result, data));
}

static gboolean
error_set (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
join_with (AwpClassroomDialog *dialog, const char *address, const char *user)
{
  awp_classroom_dialog_set_address (dialog, address);
  if (user != NULL)
    g_assert_true (awp_classroom_dialog_set_user (dialog, user));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "classroom.join", NULL));
  wait_for (dialog_idle, dialog, "the join to finish");
}

static void
test_join_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpTraining) training = awp_training_new (&error);
  g_autoptr(GKeyFile) options = g_key_file_new ();
  g_autoptr(AwpServer) real = NULL;
  g_autofree char *real_url = NULL;
  g_autofree char *db_dir = g_dir_make_tmp ("awp-classroom-real-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (db_dir, "server.db", NULL);
  const char *url_before;
  AwpClassroomDialog *dialog;

  g_assert_no_error (error);
  wait_for (engine_online, training, "the first sync");
  url_before = awp_training_get_url (training);

  /* A server without demo data does not say it is a training server. */
  g_key_file_set_boolean (options, "server", "log-requests", FALSE);
  real = awp_server_new (db, options, &error);
  g_assert_no_error (error);
  g_assert_true (awp_server_listen_local (real, 0, &error));
  real_url = awp_server_get_uri (real);

  dialog = awp_classroom_dialog_new (training);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  awp_test_ui_spin ();

  /* Each refusal names the server address (texts compared in English). */
  join_with (dialog, "", "operator");
  g_assert_cmpstr (awp_classroom_dialog_get_error_field (dialog), ==, "address");
  if (awp_test_ui_english ())
    g_assert_true (g_str_has_prefix (awp_classroom_dialog_get_error (dialog), "Server address: required"));
  join_with (dialog, "ftp://example/", NULL);
  g_assert_cmpstr (awp_classroom_dialog_get_error_field (dialog), ==, "address");
  join_with (dialog, real_url, NULL);
  g_test_message ("%s", awp_classroom_dialog_get_error (dialog));
  g_assert_cmpstr (awp_classroom_dialog_get_error_field (dialog), ==, "address");
  if (awp_test_ui_english ())
    g_assert_nonnull (strstr (awp_classroom_dialog_get_error (dialog), "is not a training server"));
  join_with (dialog, "http://127.0.0.1:1", NULL);
  g_assert_cmpstr (awp_classroom_dialog_get_error_field (dialog), ==, "address");
  if (awp_test_ui_english ())
    g_assert_true (g_str_has_prefix (awp_classroom_dialog_get_error (dialog), "Server address: no answer"));
  /* A name that is not a demo user is refused naming the user. */
  {
    g_autoptr(GError) join_error = NULL;
    awp_training_join_async (training, NULL, "nobody", NULL, join_failed_cb, &join_error);
    wait_for (error_set, &join_error, "the refused user");
    g_assert_error (join_error, AWP_TRAINING_ERROR, AWP_TRAINING_ERROR_USER);
  }
  /* Nothing changed on the workstation. */
  g_assert_false (awp_training_is_joined (training));
  g_assert_cmpstr (awp_training_get_url (training), ==, url_before);

  gtk_window_close (GTK_WINDOW (dialog));
  awp_test_ui_spin ();
  g_object_unref (dialog);
  awp_server_disconnect (real);
  g_clear_object (&real);
  remove_dir (db_dir);
}

/* ---- the strip of a classroom, and the Join dialog, as pictures ---- */

typedef struct
{
  AwpApplication *app;
  gboolean        done;
} Shots;

static gboolean
banner_shared (gpointer data)
{
  return strstr (awp_training_banner_get_text (data), ":") != NULL
         && awp_training_get_shared_port (awp_application_get_training (AWP_APPLICATION (
              gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (data)))))) != 0;
}

static gboolean
drive_shots (gpointer data)
{
  Shots *shots = data;
  AwpTraining *training = awp_application_get_training (shots->app);
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (shots->app)));
  AwpTrainingBanner *banner = AWP_TRAINING_BANNER (find_widget (window, AWP_TYPE_TRAINING_BANNER));
  AwpClassroomDialog *dialog;
  g_auto(GStrv) addresses = NULL;

  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  wait_for (engine_online, training, "the trainer's first sync");
  wait_for (banner_shared, banner, "the shared strip");
  addresses = awp_training_dup_classroom_addresses (training);
  g_assert_nonnull (strstr (awp_training_banner_get_text (banner), addresses[0]));
  awp_window_set_workspace (AWP_WINDOW (window), "conferences");
  awp_test_ui_screenshot (window, "training-classroom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (banner), "training.join", NULL));
  awp_test_ui_spin ();
  dialog = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (shots->app)); l != NULL; l = l->next)
    {
      if (AWP_IS_CLASSROOM_DIALOG (l->data))
        dialog = l->data;
    }
  g_assert_nonnull (dialog);
  g_assert_true (awp_classroom_dialog_set_user (dialog, "authorized"));
  awp_classroom_dialog_set_address (dialog, "http://192.168.1.20:8145");
  awp_test_ui_screenshot (dialog, "training-join");
  gtk_window_close (GTK_WINDOW (dialog));
  awp_test_ui_spin ();
  shots->done = TRUE;
  g_application_quit (G_APPLICATION (shots->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate_shots (GApplication *app, Shots *shots)
{
  g_idle_add (drive_shots, shots);
}

static void
test_classroom_strip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Shots shots = { 0 };
  char *argv[] = { (char *) "awp", (char *) "--training", (char *) "--classroom", NULL };

  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  shots.app = awp_application_new ();
  g_application_set_flags (G_APPLICATION (shots.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (shots.app, "activate", G_CALLBACK (on_activate_shots), &shots);
  g_assert_cmpint (g_application_run (G_APPLICATION (shots.app), 3, argv), ==, 0);
  g_assert_true (shots.done);
  g_clear_object (&shots.app);
}

int
main (int argc, char *argv[])
{
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/classroom/operator-joins-real-server", test_operator_joins);
  g_test_add_func ("/ui/classroom/share-and-join", test_share_and_join);
  g_test_add_func ("/ui/classroom/channel-lifecycle", test_channel_classroom);
  g_test_add_func ("/ui/classroom/join-refusals", test_join_refusals);
  g_test_add_func ("/ui/classroom/strip", test_classroom_strip);
  return g_test_run ();
}
