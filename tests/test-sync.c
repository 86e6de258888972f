#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awp-conference-template.h"
#include "awp-meeting-store.h"
#include "awp-outbox.h"
#include "awp-protocol.h"
#include "awp-sync-engine.h"
#include "awp-survey-template.h"
#include "awp-sync.h"
#include "awp-test-client.h"

/* The sync engine against a real awp-server on 127.0.0.1 (DESIGN §4):
 * offline edits, conflicts, merges, delete against edit, replays, server
 * faults (through the server's test fault plan, docs/training.md), token
 * expiry, an expired cursor, authorization, and awpctl sync killed with
 * SIGKILL at seeded random points with the invariants checked each time. */

#define PASSWORD "demo-2026"

static AwpTestServer server;
/* The server's test fault plan (docs/training.md), a file in its directory. */
static char *fault_plan;

/* Appends one line to the server's fault plan (consumed when used). */
static void
fault (const char *line)
{
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;

  if (!g_file_get_contents (fault_plan, &text, NULL, NULL))
    text = g_strdup ("");
  more = g_strconcat (text, line, "\n", NULL);
  g_assert_true (g_file_set_contents (fault_plan, more, -1, NULL));
}

static void
faults_clear (void)
{
  g_assert_true (g_file_set_contents (fault_plan, "", 0, NULL));
}

/* A workstation: its own store file and sync session (awp-test-client.h). */
typedef AwpTestClient Client;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, awp_test_client_free)

static Client *
client_new (const char *user)
{
  return awp_test_client_new (&server, user, 2, 3);
}

#define sync_ok(c) awp_test_client_sync (c)
#define record_data(c, id, version, state) awp_test_client_record_data ((c), (id), (version), (state))

/* The first id of @type in the client's store (by id order). */
static char *
first_id (Client     *c,
          const char *type,
          guint       skip)
{
  return awp_test_client_query_text (c, "SELECT id FROM record WHERE type = '%s' ORDER BY id LIMIT 1 OFFSET %u", type,
                                     skip);
}

static const char *
field (JsonObject *data,
       const char *name)
{
  return json_object_get_string_member_with_default (data, name, NULL);
}

static void
edit (Client     *c,
      const char *id,
      const char *name,
      const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();

  json_object_set_string_member (patch, name, value);
  g_assert_true (awp_store_update (c->store, id, patch, "test", &error));
  g_assert_no_error (error);
}

/* The search index holds exactly one row per record. */
static void
assert_index_whole (Client *c)
{
  g_assert_cmpint (raw_count (c->path, "SELECT count(*) FROM record_fts"), ==,
                   raw_count (c->path, "SELECT count(*) FROM record"));
  g_assert_cmpint (raw_count (c->path, "SELECT count(*) FROM record_fts WHERE rowid NOT IN (SELECT rid FROM record)"), ==, 0);
}

static gint64
outbox_count (Client     *c,
              const char *status)
{
  return awp_outbox_count (c->store, status, NULL);
}

/* ---- tests --------------------------------------------------------- */

static void
test_first_pull (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autofree char *cursor = NULL;
  AwpSyncStats stats;
  gint64 seq = 0;

  stats = sync_ok (a);
  g_assert_cmpuint (stats.pulled, >=, 50);
  g_assert_cmpuint (stats.pushed, ==, 0);
  g_assert_cmpint (awp_store_count (a->store, NULL, NULL), ==, stats.pulled);
  g_assert_cmpint (awp_store_count (a->store, "blog_request", NULL), ==, 30);
  cursor = awp_outbox_get_cursor (a->store, NULL);
  g_assert_true (awp_protocol_cursor_decode (cursor, &seq, NULL));
  g_assert_cmpint (seq, >, 0);
  /* Nothing new: nothing pulled. */
  stats = sync_ok (a);
  g_assert_cmpuint (stats.pulled, ==, 0);
}

static void
test_offline_edits (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) channel = json_object_new ();
  g_autoptr(JsonObject) seen = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *state = NULL;
  gint64 v0 = 0, v1 = 0;
  AwpSyncStats stats;

  sync_ok (a);
  rid = first_id (a, "blog_request", 0);
  g_clear_pointer (&seen, json_object_unref);
  seen = record_data (a, rid, &v0, NULL);
  /* Offline: two edits of one record and a new channel. */
  edit (a, rid, "subject", "Жол жөндеу — офлайн");
  edit (a, rid, "answer", "Жөнделеді / Будет отремонтирована");
  json_object_set_string_member (channel, "name", "Офлайн арна");
  json_object_set_string_member (channel, "kind", "news");
  cid = awp_store_create (a->store, "channel", channel, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (outbox_count (a, "pending"), ==, 3);

  stats = sync_ok (a);
  g_assert_cmpuint (stats.pushed, ==, 3);
  g_assert_cmpuint (stats.applied, ==, 3);
  g_assert_cmpint (outbox_count (a, "pending"), ==, 0);
  g_assert_cmpint (outbox_count (a, "acked"), ==, 3);
  g_clear_pointer (&seen, json_object_unref);
  seen = record_data (a, rid, &v1, &state);
  g_assert_cmpstr (state, ==, "synced");
  g_assert_cmpint (v1, ==, v0 + 2);

  /* Another workstation sees both. */
  sync_ok (b);
  g_clear_pointer (&seen, json_object_unref);
  seen = record_data (b, rid, &v1, NULL);
  g_assert_cmpstr (field (seen, "subject"), ==, "Жол жөндеу — офлайн");
  g_assert_cmpstr (field (seen, "answer"), ==, "Жөнделеді / Будет отремонтирована");
  g_assert_cmpint (v1, ==, v0 + 2);
  g_clear_pointer (&seen, json_object_unref);
  seen = record_data (b, cid, NULL, NULL);
  g_assert_nonnull (seen);
  g_assert_cmpstr (field (seen, "name"), ==, "Офлайн арна");
  assert_index_whole (a);
  assert_index_whole (b);
}

static void
test_conflict_same_field (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *state = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  rid = first_id (a, "blog_request", 1);
  edit (a, rid, "subject", "A: жол");
  edit (b, rid, "subject", "B: дорога");
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);
  stats = sync_ok (b);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.applied, ==, 0);
  /* No silent overwrite: B still shows its value, marked as a conflict,
   * with the server copy and the clashing field kept for the person. */
  data = record_data (b, rid, NULL, &state);
  g_assert_cmpstr (state, ==, "conflict");
  g_assert_cmpstr (field (data, "subject"), ==, "B: дорога");
  g_assert_cmpint (outbox_count (b, "conflict"), ==, 1);
  g_assert_cmpint (raw_count (b->path, "SELECT count(*) FROM conflict WHERE fields = '[\"subject\"]'"
                              " AND server_data LIKE '%A: жол%'"), ==, 1);
  /* A keeps its value; the next sync changes nothing for it. */
  sync_ok (a);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (a, rid, NULL, NULL);
  g_assert_cmpstr (field (data, "subject"), ==, "A: жол");
  /* B's held record does not block B's other changes. */
  {
    g_autofree char *other = first_id (b, "blog_request", 2);

    edit (b, other, "subject", "B: басқа");
    stats = sync_ok (b);
    g_assert_cmpuint (stats.applied, ==, 1);
    g_assert_cmpint (outbox_count (b, "conflict"), ==, 1);
  }
}

static void
test_merge_different_fields (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(JsonObject) da = NULL;
  g_autoptr(JsonObject) db = NULL;
  g_autofree char *rid = NULL;
  gint64 va = 0, vb = 0, v0 = 0;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  rid = first_id (a, "blog_request", 3);
  g_clear_pointer (&da, json_object_unref);
  da = record_data (a, rid, &v0, NULL);
  edit (a, rid, "subject", "A: тақырып");
  edit (b, rid, "text", "B: мәтін");
  sync_ok (a);
  stats = sync_ok (b);
  g_assert_cmpuint (stats.applied, ==, 1);
  g_assert_cmpuint (stats.merged, ==, 1);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  sync_ok (a);
  g_clear_pointer (&da, json_object_unref);
  da = record_data (a, rid, &va, NULL);
  db = record_data (b, rid, &vb, NULL);
  /* Both converge to the server's merged copy. */
  g_assert_cmpstr (field (da, "subject"), ==, "A: тақырып");
  g_assert_cmpstr (field (da, "text"), ==, "B: мәтін");
  g_assert_cmpstr (field (db, "subject"), ==, "A: тақырып");
  g_assert_cmpstr (field (db, "text"), ==, "B: мәтін");
  g_assert_cmpint (va, ==, vb);
  g_assert_cmpint (va, ==, v0 + 2);
}

static void
test_delete_vs_edit (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *state = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  rid = first_id (a, "blog_request", 4);
  g_assert_true (awp_store_delete (a->store, rid, "test", &error));
  g_assert_no_error (error);
  edit (b, rid, "subject", "B: өзгерді");
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);
  g_assert_null (record_data (a, rid, NULL, NULL));
  /* Delete against edit always asks the person. */
  stats = sync_ok (b);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  data = record_data (b, rid, NULL, &state);
  g_assert_nonnull (data);
  g_assert_cmpstr (state, ==, "conflict");
  g_assert_cmpint (raw_count (b->path, "SELECT count(*) FROM conflict WHERE server_data IS NULL"), ==, 1);
}

static char *
id_where (Client     *c,
          const char *sql_where)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM record WHERE %s ORDER BY id DESC LIMIT 1", sql_where);
  char *id = NULL;

  g_assert_cmpint (sqlite3_open (c->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (id);
  return id;
}

/* The store's own actions sync as made: the server knows the store's
 * field and state names (received_on, due_on, deadlines, answered_on …),
 * and pulled records fill the queue columns. */
static void
test_store_actions (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) req = json_object_new ();
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *nid = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  g_assert_cmpint (raw_count (a->path, "SELECT count(*) FROM record WHERE type = 'blog_request'"
                              " AND (due_on IS NULL OR received_on IS NULL OR org_id IS NULL)"), ==, 0);
  rid = id_where (a, "type = 'blog_request' AND status = 'received'");
  g_assert_true (awp_store_transition (a->store, rid, "accept", NULL, "test", &error));
  g_assert_no_error (error);
  json_object_set_string_member (answer, "answer", "Жол 2027 жылы жөнделеді / Дорогу отремонтируют в 2027 году");
  g_assert_true (awp_store_transition (a->store, rid, "answer", answer, "test", &error));
  g_assert_no_error (error);
  json_object_set_string_member (req, "subject", "Аулада жарық жоқ");
  json_object_set_string_member (req, "text", "Кешке аулада шам жанбайды.");
  nid = awp_store_create (a->store, "blog_request", req, "test", &error);
  g_assert_no_error (error);

  stats = sync_ok (a);
  if (stats.rejected > 0)
    {
      g_autoptr(GPtrArray) rejected = awp_outbox_list (a->store, "rejected", NULL);

      for (guint i = 0; i < rejected->len; i++)
        g_test_message ("rejected: %s", ((AwpOutboxEntry *) rejected->pdata[i])->last_error);
    }
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.applied, ==, 3);
  sync_ok (b);
  data = record_data (b, rid, NULL, NULL);
  g_assert_cmpstr (field (data, "status"), ==, "answered");
  g_assert_nonnull (field (data, "answered_on"));
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, nid, NULL, NULL);
  g_assert_cmpstr (field (data, "status"), ==, "received");
  g_assert_nonnull (field (data, "due_on"));
}

static void
expect_no_rejections (Client *c)
{
  AwpSyncStats stats = sync_ok (c);
  g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);

  for (guint i = 0; i < rejected->len; i++)
    g_test_message ("rejected: %s", ((AwpOutboxEntry *) rejected->pdata[i])->last_error);
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (rejected->len, ==, 0);
  g_assert_cmpint (outbox_count (c, "pending"), ==, 0);
}

static JsonObject *
object_from (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Meetings (O605) and templates (O145-A1, O145-A2) made through the core's
 * own APIs sync without rejection: the server knows the client's shapes. */
static void
test_meeting_template_shapes (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = day_from_today (21);
  g_autofree char *opens = day_from_today (28);
  g_autofree char *closes = day_from_today (30);
  g_autofree char *launch = day_from_today (28);
  g_autofree char *close = day_from_today (60);
  g_autofree char *meeting_text = g_strdup_printf ("{"
    "\"org_id\": \"kazpost\", \"region\": \"astana\","
    "\"body\": \"Қоғамдық кеңес\", \"title\": \"Жол жөндеу / Ремонт дорог\","
    "\"place\": \"Мәжіліс залы\", \"date\": \"%s\", \"time\": \"15:00\", \"format\": \"hybrid\","
    "\"languages\": [\"kk\", \"ru\"], \"agenda\": [\"Жол жөндеу жоспары\"],"
    "\"responsible\": {\"name\": \"Нұрланов Ерлан\", \"phone\": \"+7 701 111 22 33\", \"email\": \"e.nurlanov@gov.kz\"},"
    "\"capacity\": 50, \"broadcast_url\": \"https://live.gov.kz/1\", \"closed\": false}", date);
  g_autofree char *conference_text = g_strdup_printf (
    "{\"opens_on\":\"%s\",\"closes_on\":\"%s\","
    "\"title_kk\":\"Өңірдің даму жоспары\",\"title_ru\":\"План развития региона\",\"title_en\":\"\","
    "\"brief_kk\":\"Тұрғындармен кездесу\",\"brief_ru\":\"Встреча с жителями\","
    "\"description_kk\":\"Тұрғындардың сұрақтарына жауап беру.\",\"description_ru\":\"Ответы на вопросы жителей.\","
    "\"moderator_surname\":\"Сейітқали\",\"moderator_name\":\"Әсем\",\"moderator_patronymic\":\"\","
    "\"moderator_iin\":\"901123300258\",\"moderator_position\":\"Бас маман\","
    "\"moderator_email\":\"a.seitkali@gov.kz\",\"moderator_phone\":\"+7 701 123 45 67\","
    "\"public_discussion\":true}", opens, closes);
  g_autofree char *survey_text = g_strdup_printf (
    "{\"number\":\"1\",\"category\":\"Мемлекеттік қызметтер\","
    "\"title_kk\":\"Қызмет сапасы\",\"title_ru\":\"Качество услуг\","
    "\"launch_on\":\"%s\",\"close_on\":\"%s\","
    "\"questions\":[{\"title_kk\":\"Қанағаттанасыз ба?\",\"title_ru\":\"Вы довольны?\",\"choice\":\"single\","
    "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}]}",
    launch, close);
  g_autoptr(JsonObject) meeting = object_from (meeting_text);
  g_autoptr(JsonObject) conference = object_from (conference_text);
  g_autoptr(JsonObject) survey = object_from (survey_text);
  g_autoptr(JsonObject) draft = json_object_new ();
  g_autoptr(JsonObject) application = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *did = NULL;
  g_autofree char *sid = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  g_assert_nonnull (meeting);
  g_assert_nonnull (conference);
  g_assert_nonnull (survey);
  sync_ok (a);

  mid = awp_meeting_save (a->store, NULL, meeting, "test", &error);
  g_assert_no_error (error);
  json_object_set_string_member (application, "surname", "Әбілов");
  json_object_set_string_member (application, "name", "Арман");
  json_object_set_int_member (application, "birth_year", 1985);
  json_object_set_string_member (application, "contact", "+7 705 000 00 01");
  json_object_set_string_member (application, "channel", "paper");
  rid = awp_meeting_register (a->store, mid, application, "test", &error);
  g_assert_no_error (error);
  kid = awp_meeting_add_comment (a->store, mid, "Айгүл", "Эфир қашан басталады?", "test", &error);
  g_assert_no_error (error);
  g_assert_true (awp_meeting_answer_comment (a->store, kid, "Сағат 15:00-де.", "test", &error));
  g_assert_no_error (error);

  /* A draft autosaves half-filled (O145-7 checks come at submission). */
  json_object_set_string_member (draft, "title_kk", "Жоба");
  did = awp_store_create (a->store, "conference", draft, "test", &error);
  g_assert_no_error (error);
  cid = awp_store_create (a->store, "conference", conference, "test", &error);
  g_assert_no_error (error);
  g_assert_true (awp_conference_template_submit (a->store, cid, &today, "test", &error));
  g_assert_no_error (error);
  sid = awp_store_create (a->store, "survey", survey, "test", &error);
  g_assert_no_error (error);
  g_assert_true (awp_survey_template_submit (a->store, sid, &today, "test", &error));
  g_assert_no_error (error);
  expect_no_rejections (a);

  /* Announced and held later: the updates sync too (O605-8, O605-5). */
  g_assert_true (awp_meeting_announce (a->store, mid, "https://gov.kz/meeting", &today, "test", NULL, &error));
  g_assert_no_error (error);
  expect_no_rejections (a);

  sync_ok (b);
  data = record_data (b, mid, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "title"), ==, "Жол жөндеу / Ремонт дорог");
  g_assert_cmpstr (field (data, "status"), ==, "announced");
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, rid, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "parent_id"), ==, mid);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, kid, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "answer"), ==, "Сағат 15:00-де.");
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, cid, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "status"), ==, "submitted");
  g_assert_cmpstr (field (data, "moderator_iin"), ==, "901123300258");
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, did, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "status"), ==, "draft");
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, sid, NULL, NULL);
  g_assert_nonnull (data);
  g_assert_cmpstr (field (data, "status"), ==, "submitted");
}

static char *
held_mutation (Client     *c,
               const char *status)
{
  g_autoptr(GPtrArray) held = awp_outbox_list (c->store, status, NULL);

  g_assert_cmpuint (held->len, ==, 1);
  return g_strdup (((AwpOutboxEntry *) held->pdata[0])->mutation_id);
}

/* A person resolves what the sync held (DESIGN §4): mine, theirs, edit,
 * delete against edit, a rejected change dropped; each converges. */
static void
test_resolve (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonObject) edited = json_object_new ();
  g_autofree char *r1 = NULL;
  g_autofree char *r2 = NULL;
  g_autofree char *r3 = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *state = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  r1 = id_where (a, "type = 'blog_request' AND status = 'accepted'");
  r2 = id_where (a, "type = 'blog_request' AND status = 'answered'");
  r3 = id_where (a, "type = 'blog_request' AND status = 'returned'");

  /* Mine: B's value wins after all, sent on top of A's version. */
  edit (a, r1, "subject", "A: бірінші");
  edit (b, r1, "subject", "B: екінші");
  sync_ok (a);
  g_assert_cmpuint (sync_ok (b).conflicts, ==, 1);
  mid = held_mutation (b, "conflict");
  g_assert_true (awp_outbox_resolve_conflict (b->store, mid, AWP_RESOLVE_MINE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (b->path, "SELECT count(*) FROM conflict"), ==, 0);
  stats = sync_ok (b);
  g_assert_cmpuint (stats.applied, ==, 1);
  sync_ok (a);
  data = record_data (a, r1, NULL, NULL);
  g_assert_cmpstr (field (data, "subject"), ==, "B: екінші");

  /* Theirs: B takes A's value and sends nothing. */
  g_clear_pointer (&mid, g_free);
  edit (a, r2, "subject", "A: қалады");
  edit (b, r2, "subject", "B: кетеді");
  sync_ok (a);
  g_assert_cmpuint (sync_ok (b).conflicts, ==, 1);
  mid = held_mutation (b, "conflict");
  g_assert_true (awp_outbox_resolve_conflict (b->store, mid, AWP_RESOLVE_THEIRS, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, r2, NULL, &state);
  g_assert_cmpstr (field (data, "subject"), ==, "A: қалады");
  g_assert_cmpstr (state, ==, "synced");
  g_assert_cmpuint (sync_ok (b).pushed, ==, 0);

  /* Edit: the person writes the settled value. */
  g_clear_pointer (&mid, g_free);
  edit (a, r3, "subject", "A: жол");
  edit (b, r3, "subject", "B: көше");
  sync_ok (a);
  g_assert_cmpuint (sync_ok (b).conflicts, ==, 1);
  mid = held_mutation (b, "conflict");
  json_object_set_string_member (edited, "subject", "Жол мен көше");
  g_assert_true (awp_outbox_resolve_conflict (b->store, mid, AWP_RESOLVE_EDIT, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sync_ok (b).applied, ==, 1);
  sync_ok (a);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (a, r3, NULL, NULL);
  g_assert_cmpstr (field (data, "subject"), ==, "Жол мен көше");

  /* Delete against edit, theirs: B's copy goes too. */
  g_clear_pointer (&mid, g_free);
  g_assert_true (awp_store_delete (a->store, r3, "test", &error));
  g_assert_no_error (error);
  edit (b, r3, "text", "B: соңғы");
  sync_ok (a);
  g_assert_cmpuint (sync_ok (b).conflicts, ==, 1);
  mid = held_mutation (b, "conflict");
  g_assert_true (awp_outbox_resolve_conflict (b->store, mid, AWP_RESOLVE_THEIRS, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (record_data (b, r3, NULL, NULL));

  /* A rejected change, read and dropped: nothing held, nothing sent. */
  {
    g_autoptr(JsonObject) bad = json_object_new ();
    g_autofree char *cid = NULL;

    g_clear_pointer (&mid, g_free);
    json_object_set_string_member (bad, "name", "Арна");
    json_object_set_string_member (bad, "kind", "pigeon");
    cid = awp_store_create (b->store, "channel", bad, "test", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sync_ok (b).rejected, ==, 1);
    mid = held_mutation (b, "rejected");
    g_assert_true (awp_outbox_discard (b->store, mid, &error));
    g_assert_no_error (error);
    g_assert_null (record_data (b, cid, NULL, NULL));
    g_assert_cmpint (raw_count (b->path, "SELECT count(*) FROM outbox WHERE status <> 'acked'"), ==, 0);
    g_assert_false (awp_outbox_discard (b->store, mid, &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND);
  }
  assert_index_whole (b);
}

/* Deleted on the server while B's edits waited behind a conflict: "mine"
 * brings the whole record back, not only the edited fields (found by
 * tests/soak.py: the server refused such a re-creation for a missing field,
 * then for the org_id the pull copies into the data). */
static void
test_resolve_mine_after_delete (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *mid = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  rid = id_where (a, "type = 'blog_request' AND status = 'received'");
  before = record_data (a, rid, NULL, NULL);
  edit (a, rid, "subject", "A: бірінші");
  sync_ok (a);
  edit (b, rid, "subject", "B: менікі");
  edit (b, rid, "text", "B: мәтін");
  g_assert_cmpuint (sync_ok (b).conflicts, ==, 1);
  g_assert_true (awp_store_delete (a->store, rid, "test", &error));
  g_assert_no_error (error);
  sync_ok (a);
  sync_ok (b);  /* the tombstone arrives while both edits wait */
  mid = held_mutation (b, "conflict");
  g_assert_true (awp_outbox_resolve_conflict (b->store, mid, AWP_RESOLVE_MINE, NULL, &error));
  g_assert_no_error (error);
  stats = sync_ok (b);
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.applied, >=, 1);
  sync_ok (a);
  after = record_data (a, rid, NULL, NULL);
  g_assert_nonnull (after);
  g_assert_cmpstr (field (after, "subject"), ==, "B: менікі");
  g_assert_cmpstr (field (after, "requester"), ==, field (before, "requester"));
  g_assert_cmpstr (field (after, "received_on"), ==, field (before, "received_on"));
}

/* The answer to a push is lost (the server held it past the timeout, or
 * cut it short): the replay gets the stored answers, nothing applies twice. */
static void
test_replay (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *rid = NULL;
  gint64 v0 = 0, v1 = 0;
  AwpSyncStats stats;

  sync_ok (a);
  rid = first_id (a, "blog_request", 5);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (a, rid, &v0, NULL);
  edit (a, rid, "subject", "Қайталау 1");
  edit (a, rid, "text", "Қайталау 2");

  awp_sync_set_max_attempts (a->sync, 1);
  fault ("POST /api/v1/sync/push stall 4");
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  /* Not answered: still pending, never lost. */
  g_assert_cmpint (outbox_count (a, "pending"), ==, 2);
  g_assert_cmpint (outbox_count (a, "inflight"), ==, 0);

  fault ("POST /api/v1/sync/push truncate");
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (a, "pending"), ==, 2);

  awp_sync_set_max_attempts (a->sync, 3);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 2);
  g_assert_cmpint (outbox_count (a, "acked"), ==, 2);
  sync_ok (b);
  g_clear_pointer (&data, json_object_unref);
  data = record_data (b, rid, &v1, NULL);
  /* Three sends of the first mutation, two of the second: two versions. */
  g_assert_cmpint (v1, ==, v0 + 2);
  g_assert_cmpstr (field (data, "subject"), ==, "Қайталау 1");
  g_assert_cmpstr (field (data, "text"), ==, "Қайталау 2");
}

static void
test_server_faults (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *rid = NULL;
  AwpSyncStats stats;
  gint64 start;
  guint total;

  /* A cut page, a 500 and a stalled page on the first pull: retried. */
  fault ("GET /api/v1/sync/changes truncate");
  fault ("GET /api/v1/sync/changes status 500");
  stats = sync_ok (a);
  total = stats.pulled;
  g_assert_cmpuint (total, >=, 50);
  /* Every change arrived once (tombstones are not records). */
  g_assert_cmpint (awp_store_count (a->store, NULL, NULL)
                   + raw_count (a->path, "SELECT count(*) FROM record_base WHERE deleted"), ==, total);

  awp_sync_set_timeout (b->sync, 1);
  fault ("GET /api/v1/sync/changes stall 3");
  stats = sync_ok (b);
  g_assert_cmpuint (stats.pulled, >=, total);
  awp_sync_set_timeout (b->sync, 2);

  /* 503 with Retry-After: the next try waits at least that long. */
  rid = first_id (a, "blog_request", 6);
  edit (a, rid, "subject", "Retry-After");
  fault ("POST /api/v1/sync/push status 503 1");
  start = g_get_monotonic_time ();
  stats = sync_ok (a);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_assert_cmpuint (stats.applied, ==, 1);

  /* A Retry-After too long to wait inside a cycle ends it at once; the
   * engine schedules the retry. */
  edit (a, rid, "text", "Кейінірек");
  fault ("POST /api/v1/sync/push status 503 3600");
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpuint (awp_sync_get_retry_after (a->sync), ==, 3600 * 1000);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);

  /* Failing every try: the change stays pending with the reason. */
  edit (a, rid, "subject", "Кейін / Позже");
  fault ("POST /api/v1/sync/push status 500");
  fault ("POST /api/v1/sync/push status 502");
  fault ("POST /api/v1/sync/push status 503");
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (a, "pending"), ==, 1);
  g_assert_cmpint (raw_count (a->path, "SELECT attempts FROM outbox WHERE status = 'pending'"), ==, 1);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);

  /* A rejection keeps the field reasons and holds only that record. */
  {
    g_autoptr(JsonObject) bad = json_object_new ();
    g_autofree char *cid = NULL;
    g_autofree char *state = NULL;

    json_object_set_string_member (bad, "name", "Арна");
    json_object_set_string_member (bad, "kind", "pigeon");
    cid = awp_store_create (a->store, "channel", bad, "test", &error);
    g_assert_no_error (error);
    stats = sync_ok (a);
    g_assert_cmpuint (stats.rejected, ==, 1);
    g_assert_cmpint (raw_count (a->path, "SELECT count(*) FROM outbox WHERE status = 'rejected'"
                                " AND last_error LIKE '%\"field\":\"kind\"%'"), ==, 1);
    data = record_data (a, cid, NULL, &state);
    g_assert_cmpstr (state, ==, "rejected");
  }
  faults_clear ();
}

static void
test_token_expiry (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autofree char *rid = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  rid = first_id (a, "blog_request", 7);
  edit (a, rid, "subject", "Токен");
  /* Expires mid-sync: refreshed once, the cycle goes on. */
  fault ("GET /api/v1/sync/changes expire-token");
  fault ("POST /api/v1/sync/push expire-token");
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);

  /* Expiring again right after the refresh: sign in again. */
  edit (a, rid, "subject", "Токен 2");
  fault ("POST /api/v1/sync/push expire-token");
  fault ("POST /api/v1/sync/push expire-token");
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpint (outbox_count (a, "pending"), ==, 1);
  g_assert_true (awp_sync_sign_in (a->sync, PASSWORD, NULL, &error));
  g_assert_no_error (error);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.applied, ==, 1);
  faults_clear ();

  /* A wrong password is UNAUTHORIZED, with no tokens kept. */
  {
    g_autoptr(AwpSync) s = awp_sync_new (server.url, "admin.kazpost");

    awp_sync_set_use_keyring (s, FALSE);
    g_assert_false (awp_sync_sign_in (s, "wrong", NULL, &error));
    g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED);
    g_clear_error (&error);
    g_assert_false (awp_sync_has_tokens (s, NULL, &error));
    g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED);
  }
}

/* The server says the cursor expired (410): everything is downloaded
 * again, records the server no longer has go, and the outbox stays. */
static void
test_cursor_expired (void)
{
  g_autoptr(Client) a = client_new ("admin.kazpost");
  g_autoptr(Client) b = client_new ("admin.kazpost");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) ghost = json_array_new ();
  g_autoptr(JsonObject) data = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *state = NULL;
  JsonObject *change = json_object_new ();
  JsonObject *gdata = json_object_new ();
  gint64 server_count;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  server_count = awp_store_count (a->store, NULL, NULL);
  /* A record whose tombstone the server has since dropped. */
  json_object_set_string_member (gdata, "name", "Жоқ арна");
  json_object_set_string_member (gdata, "kind", "news");
  json_object_set_string_member (change, "entity_type", "channel");
  json_object_set_string_member (change, "id", "ghost-channel");
  json_object_set_int_member (change, "version", 1);
  json_object_set_boolean_member (change, "deleted", FALSE);
  json_object_set_object_member (change, "data", gdata);
  json_array_add_object_element (ghost, change);
  cursor = awp_outbox_get_cursor (a->store, NULL);
  g_assert_true (awp_outbox_apply_pull (a->store, ghost, cursor, &error));
  g_assert_no_error (error);
  /* A held local change (a conflict) must survive the re-download. */
  rid = first_id (a, "blog_request", 8);
  edit (b, rid, "subject", "B бірінші");
  sync_ok (b);
  edit (a, rid, "subject", "A кейін");

  fault ("GET /api/v1/sync/changes status 410");
  stats = sync_ok (a);
  g_assert_true (stats.resynced);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.pulled, >=, server_count);
  g_assert_null (record_data (a, "ghost-channel", NULL, NULL));
  assert_index_whole (a);
  g_assert_cmpint (awp_store_count (a->store, NULL, NULL), ==, server_count);
  g_assert_cmpint (outbox_count (a, "conflict"), ==, 1);
  data = record_data (a, rid, NULL, &state);
  g_assert_cmpstr (state, ==, "conflict");
  g_assert_cmpstr (field (data, "subject"), ==, "A кейін");
  stats = sync_ok (a);
  g_assert_false (stats.resynced);
  g_assert_cmpuint (stats.pulled, ==, 0);
  faults_clear ();
}

static void
test_authorization (void)
{
  g_autoptr(Client) t = client_new ("trainer");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) channel = json_object_new ();
  g_autofree char *id = NULL;
  AwpSyncStats stats;

  sync_ok (t);
  json_object_set_string_member (channel, "name", "Тренер арнасы");
  json_object_set_string_member (channel, "kind", "news");
  id = awp_store_create (t->store, "channel", channel, "test", &error);
  g_assert_no_error (error);
  /* A trainer changes nothing: FORBIDDEN, never retried, the change kept. */
  g_assert_false (awp_sync_run (t->sync, t->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN);
  g_assert_cmpint (outbox_count (t, "pending"), ==, 1);
  g_assert_cmpint (raw_count (t->path, "SELECT count(*) FROM record WHERE type = 'channel' AND state = 'pending'"), ==, 1);
}

/* ---- the engine ---------------------------------------------------- */

static void
engine_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_sync_engine_sign_in_finish (AWP_SYNC_ENGINE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n = user_data;

  if (awp_sync_engine_get_state (AWP_SYNC_ENGINE (object)) == AWP_SYNC_STATE_SYNCING)
    (*n)++;
}

static void
wait_idle (AwpSyncEngine *engine,
           gboolean      *flag)
{
  while ((flag != NULL && !*flag) || awp_sync_engine_get_state (engine) == AWP_SYNC_STATE_SYNCING
         || awp_sync_engine_get_last_sync (engine) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_engine (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-sync-engine-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awp.db", NULL);
  g_autoptr(AwpStore) store = awp_store_open (path, &error);
  g_autoptr(AwpSyncEngine) engine = awp_sync_engine_new (path, server.url, "admin.kazpost");
  g_autofree char *rid = NULL;
  gboolean signed_in = FALSE;
  guint syncing = 0;
  AwpSyncStats stats;

  g_assert_no_error (error);
  g_assert_cmpint (awp_sync_engine_get_state (engine), ==, AWP_SYNC_STATE_OFFLINE);
  awp_sync_engine_set_use_keyring (engine, FALSE);
  g_signal_connect (engine, "notify::state", G_CALLBACK (count_notify), &syncing);
  /* Signing in starts the first sync by itself, off this thread. */
  awp_sync_engine_sign_in_async (engine, PASSWORD, NULL, engine_done, &signed_in);
  wait_idle (engine, &signed_in);
  g_assert_cmpuint (syncing, >=, 1);
  g_assert_cmpint (awp_sync_engine_get_state (engine), ==, AWP_SYNC_STATE_ONLINE);
  g_assert_null (awp_sync_engine_get_last_error (engine));
  g_assert_cmpfloat (awp_sync_engine_get_progress (engine), ==, 1.0);
  awp_sync_engine_get_stats (engine, &stats);
  g_assert_cmpuint (stats.pulled, >=, 50);
  /* The UI's own connection sees what the worker's pulled. */
  g_assert_cmpint (awp_store_count (store, "blog_request", NULL), >=, 29);  /* one may be deleted above */

  rid = first_id (&(Client) { .path = path }, "blog_request", 9);
  {
    g_autoptr(JsonObject) patch = json_object_new ();

    json_object_set_string_member (patch, "subject", "Қозғалтқыш");
    g_assert_true (awp_store_update (store, rid, patch, "test", &error));
    g_assert_no_error (error);
  }
  awp_sync_engine_local_change (engine);
  while (awp_sync_engine_get_pending (engine) != 1)
    g_main_context_iteration (NULL, TRUE);
  awp_sync_engine_sync_now (engine);
  while (awp_sync_engine_get_pending (engine) != 0)
    g_main_context_iteration (NULL, TRUE);
  wait_idle (engine, NULL);
  awp_sync_engine_get_stats (engine, &stats);
  g_assert_cmpint (awp_outbox_count (store, "acked", NULL), ==, 1);

  /* A refused change is counted as held for a person. */
  {
    g_autoptr(JsonObject) bad = json_object_new ();
    g_autofree char *cid = NULL;

    json_object_set_string_member (bad, "name", "Арна");
    json_object_set_string_member (bad, "kind", "pigeon");
    cid = awp_store_create (store, "channel", bad, "test", &error);
    g_assert_no_error (error);
    awp_sync_engine_sync_now (engine);
    while (awp_sync_engine_get_held (engine) != 1)
      g_main_context_iteration (NULL, TRUE);
    wait_idle (engine, NULL);
    g_assert_cmpint (awp_sync_engine_get_pending (engine), ==, 0);
  }

  /* A failing server: OFFLINE with the reason, retried later. */
  awp_sync_engine_set_max_attempts (engine, 1);
  fault ("GET /api/v1/sync/changes status 500");
  awp_sync_engine_sync_now (engine);
  while (awp_sync_engine_get_state (engine) != AWP_SYNC_STATE_OFFLINE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (awp_sync_engine_get_last_error (engine));
  /* The backoff brings it back by itself. */
  while (awp_sync_engine_get_state (engine) != AWP_SYNC_STATE_ONLINE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (awp_sync_engine_get_last_error (engine));
  faults_clear ();

  g_clear_object (&engine);
  g_clear_object (&store);
  remove_dir (dir);
}

/* ---- kill -9 ------------------------------------------------------- */

typedef struct
{
  char   *id;
  gint64  v0;      /* the server version at the start */
  guint   edits;   /* edits made to it */
  gint64  seen;    /* the highest version the client has seen */
} Tracked;

static void
tracked_free (Tracked *t)
{
  g_free (t->id);
  g_free (t);
}

static gint64
cursor_seq (AwpStore *store)
{
  g_autofree char *cursor = awp_outbox_get_cursor (store, NULL);
  gint64 seq = 0;

  g_assert_true (awp_protocol_cursor_decode (cursor, &seq, NULL));
  return seq;
}

/* The role from the login answer is kept in the store: a new engine on
 * the same store (the app restarted with a kept token) has it at once,
 * before any answer; another store does not. */
static void
test_engine_role_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-sync-role-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "awp.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  gboolean signed_in = FALSE;

  g_assert_no_error (error);
  {
    g_autoptr(AwpSyncEngine) engine = awp_sync_engine_new (path, server.url, "authorized");

    g_assert_cmpstr (awp_sync_engine_get_role (engine), ==, "administrator");
    awp_sync_engine_set_use_keyring (engine, FALSE);
    awp_sync_engine_sign_in_async (engine, PASSWORD, NULL, engine_done, &signed_in);
    wait_idle (engine, &signed_in);
    g_assert_cmpstr (awp_sync_engine_get_role (engine), ==, "authorized_body");
  }
  {
    g_autoptr(AwpSyncEngine) engine = awp_sync_engine_new (path, server.url, "authorized");
    g_autoptr(AwpStore) store = awp_store_open (path, &error);
    g_autofree char *role = NULL;
    g_autofree char *org = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (awp_sync_engine_get_role (engine), ==, "authorized_body");
    g_object_get (engine, "role", &role, NULL);
    g_assert_cmpstr (role, ==, "authorized_body");
    g_clear_pointer (&role, g_free);
    g_assert_true (awp_store_get_identity (store, &role, &org, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (role, ==, "authorized_body");
    g_assert_cmpstr (org, ==, "authorized-body");
  }
  {
    g_autoptr(AwpSyncEngine) engine = awp_sync_engine_new (other, server.url, "authorized");

    g_assert_cmpstr (awp_sync_engine_get_role (engine), ==, "administrator");
  }
  for (guint i = 0; i < 2; i++)
    for (const char *const *sfx = (const char *const[]) { "", "-wal", "-shm", NULL }; *sfx != NULL; sfx++)
      {
        g_autofree char *file = g_strconcat (i == 0 ? path : other, *sfx, NULL);

        g_remove (file);
      }
  g_rmdir (dir);
}

static GPid
spawn_awpctl (const char *db,
              int        *in_fd)
{
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("AWPCTL");
  const char *argv[] = { exe, "sync", "--server", server.url, "--user", "admin.almaty", "--db", db,
                         "--no-keyring", "--batch", "3", "--timeout", "5", NULL };
  GPid pid;
  int out = -1;

  g_assert_nonnull (exe);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                            awp_test_die_with_parent, NULL, &pid, in_fd, &out, NULL, &error);
  g_assert_no_error (error);
  close (out);
  return pid;
}

/* The first download into an empty store is one bulk transaction with
 * the queue indexes dropped: a kill anywhere leaves all of it or none,
 * and the indexes always there. */
static void
test_kill_first_download (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1201);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-sync-first-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "awp.db", NULL);
  gint64 indexes, full = -1;

  g_assert_no_error (error);
  {
    g_autoptr(AwpStore) fresh = awp_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_cmpint (awp_store_count (fresh, NULL, NULL), ==, 0);
  }
  indexes = raw_count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'record'");
  for (guint i = 0; i < 12; i++)
    {
      int in = -1, status = 0;
      GPid pid = spawn_awpctl (db, &in);
      gint64 n;

      g_assert_cmpint (write (in, PASSWORD "\n", strlen (PASSWORD) + 1), ==, (gssize) strlen (PASSWORD) + 1);
      close (in);
      g_usleep ((gulong) g_rand_int_range (rand, 0, 400000));
      if (waitpid (pid, &status, WNOHANG) == 0)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
        }
      else if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
        full = raw_count (db, "SELECT count(*) FROM record");
      g_spawn_close_pid (pid);
      n = raw_count (db, "SELECT count(*) FROM record");
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'record'"),
                       ==, indexes);
      /* Nothing, or everything with its cursor. */
      g_assert_true (n == 0 || (n > 50 && raw_count (db, "SELECT count(*) FROM sync_state WHERE pull_cursor IS NOT NULL") == 1));
      g_assert_true (full < 0 || n == full);
      if (n > 0)
        break;
    }
  remove_dir (dir);
}

static void
test_kill (void)
{
  g_autoptr(Client) a = client_new ("admin.almaty");
  g_autoptr(Client) check = client_new ("admin.almaty");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr(GPtrArray) tracked = g_ptr_array_new_with_free_func ((GDestroyNotify) tracked_free);
  g_autoptr(GHashTable) mutation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint iterations = 60, killed = 0, created = 0;
  gint64 last_cursor, span_us;

  sync_ok (a);
  last_cursor = cursor_seq (a->store);
  for (guint i = 0; i < 8; i++)
    {
      Tracked *t = g_new0 (Tracked, 1);
      g_autoptr(JsonObject) d = NULL;

      t->id = first_id (a, "blog_request", i);
      d = record_data (a, t->id, &t->v0, NULL);
      t->seen = t->v0;
      g_ptr_array_add (tracked, t);
    }

  /* One run to completion tells how long a sync takes here; kills then
   * land anywhere from before the sign-in to after the last page. */
  {
    int in = -1, status = 0;
    gint64 start = g_get_monotonic_time ();
    GPid pid = spawn_awpctl (a->path, &in);

    g_assert_cmpint (write (in, PASSWORD "\n", strlen (PASSWORD) + 1), ==, (gssize) strlen (PASSWORD) + 1);
    close (in);
    waitpid (pid, &status, 0);
    g_spawn_close_pid (pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    span_us = 2 * (g_get_monotonic_time () - start) + 20000;
  }

  for (guint it = 0; it < iterations; it++)
    {
      guint n_edits = (guint) g_rand_int_range (rand, 1, 6);
      GPid pid;
      int in = -1, status = 0;
      gint64 delay_us;

      /* Offline edits: each one transaction with its outbox row. */
      for (guint e = 0; e < n_edits; e++)
        {
          Tracked *t = tracked->pdata[g_rand_int_range (rand, 0, (gint32) tracked->len)];
          g_autofree char *value = g_strdup_printf ("kill %u.%u", it, e);

          edit (a, t->id, g_rand_boolean (rand) ? "subject" : "text", value);
          t->edits++;
          created++;
        }
      {
        g_autoptr(GPtrArray) all = awp_outbox_list (a->store, NULL, NULL);

        for (guint k = 0; k < all->len; k++)
          g_hash_table_add (mutation_ids, g_strdup (((AwpOutboxEntry *) all->pdata[k])->mutation_id));
        g_assert_cmpuint (all->len, ==, created);
      }

      pid = spawn_awpctl (a->path, &in);
      g_assert_cmpint (write (in, PASSWORD "\n", strlen (PASSWORD) + 1), ==, (gssize) strlen (PASSWORD) + 1);
      close (in);
      /* Anywhere from before the sign-in to after the last page. */
      delay_us = g_rand_int_range (rand, 0, (gint32) MIN (span_us, G_MAXINT32));
      g_usleep ((gulong) delay_us);
      if (waitpid (pid, &status, WNOHANG) == 0)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          killed++;
        }
      g_spawn_close_pid (pid);

      /* Invariants (DESIGN §4), through this process's own connection. */
      {
        g_autoptr(GPtrArray) all = awp_outbox_list (a->store, NULL, NULL);
        gint64 seq = cursor_seq (a->store);

        /* Nothing lost: every change made is still in the outbox. */
        g_assert_cmpuint (all->len, ==, created);
        for (guint k = 0; k < all->len; k++)
          {
            AwpOutboxEntry *m = all->pdata[k];

            g_assert_true (g_hash_table_contains (mutation_ids, m->mutation_id));
            g_assert_true (g_str_equal (m->status, "pending") || g_str_equal (m->status, "inflight")
                           || g_str_equal (m->status, "acked"));
          }
        /* The cursor and the versions never go back. */
        g_assert_cmpint (seq, >=, last_cursor);
        last_cursor = seq;
        for (guint k = 0; k < tracked->len; k++)
          {
            Tracked *t = tracked->pdata[k];
            gint64 v = 0;
            g_autoptr(JsonObject) d = record_data (a, t->id, &v, NULL);

            g_assert_nonnull (d);
            g_assert_cmpint (v, >=, t->seen);
            /* Never more versions than edits: nothing applied twice. */
            g_assert_cmpint (v, <=, t->v0 + t->edits);
            t->seen = v;
          }
      }
    }
  g_test_message ("%u of %u sync runs killed, %u changes", killed, iterations, created);
  g_assert_cmpuint (killed, >, 0);

  /* After a clean sync every change is acknowledged exactly once, and the
   * server's version of each record is its start plus its edits. */
  sync_ok (a);
  g_assert_cmpint (outbox_count (a, "acked"), ==, created);
  sync_ok (check);
  for (guint k = 0; k < tracked->len; k++)
    {
      Tracked *t = tracked->pdata[k];
      gint64 va = 0, vs = 0;
      g_autoptr(JsonObject) da = record_data (a, t->id, &va, NULL);
      g_autoptr(JsonObject) ds = record_data (check, t->id, &vs, NULL);

      g_assert_cmpint (vs, ==, t->v0 + t->edits);
      g_assert_cmpint (va, ==, vs);
      g_assert_cmpstr (field (da, "subject"), ==, field (ds, "subject"));
      g_assert_cmpstr (field (da, "text"), ==, field (ds, "text"));
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_dir = NULL;
  g_autofree char *config = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  plan_dir = g_dir_make_tmp ("awp-sync-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fault_plan = g_build_filename (plan_dir, "faults", NULL);
  config = g_strdup_printf ("[test]\nfault-plan=%s\n", fault_plan);
  awp_test_server_start (&server, config);
  g_test_add_func ("/sync/first-pull", test_first_pull);
  g_test_add_func ("/sync/offline-edits", test_offline_edits);
  g_test_add_func ("/sync/conflict-same-field", test_conflict_same_field);
  g_test_add_func ("/sync/merge-different-fields", test_merge_different_fields);
  g_test_add_func ("/sync/delete-vs-edit", test_delete_vs_edit);
  g_test_add_func ("/sync/store-actions", test_store_actions);
  g_test_add_func ("/sync/meeting-template-shapes", test_meeting_template_shapes);
  g_test_add_func ("/sync/resolve", test_resolve);
  g_test_add_func ("/sync/resolve-mine-after-delete", test_resolve_mine_after_delete);
  g_test_add_func ("/sync/replay", test_replay);
  g_test_add_func ("/sync/server-faults", test_server_faults);
  g_test_add_func ("/sync/token-expiry", test_token_expiry);
  g_test_add_func ("/sync/cursor-expired", test_cursor_expired);
  g_test_add_func ("/sync/authorization", test_authorization);
  g_test_add_func ("/sync/engine", test_engine);
  g_test_add_func ("/sync/engine-role-kept", test_engine_role_kept);
  g_test_add_func ("/sync/kill-first-download", test_kill_first_download);
  g_test_add_func ("/sync/kill", test_kill);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  remove_dir (plan_dir);
  g_free (fault_plan);
  return rc;
}
