#include "config.h"

#include <string.h>

#include "awp-accreditation.h"
#include "awp-attachment.h"
#include "awp-outbox.h"
#include "awp-sync.h"
#include "awp-sync-engine.h"
#include "awp-test-client.h"

/* Attachments end to end through a real awp-server (issue 6, O145-5.1):
 * one workstation answers a request with a PDF and syncs; another of the
 * same body pulls the answer and downloads the same bytes; other bodies
 * get nothing; tampered, oversize and refused files never pass silently;
 * an answer made offline uploads its file when the sync comes. The server
 * runs with [server] max-attachment = 64 KiB so "too large" is cheap. */

#define PASSWORD "demo-2026"
#define SERVER_LIMIT (64 * 1024)

static AwpTestServer server;

/* A workstation: its own store file and sync session (awp-test-client.h). */
typedef AwpTestClient Client;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, awp_test_client_free)

static Client *
client_new (const char *user)
{
  return awp_test_client_new (&server, user, 10, 0);
}

#define sync_ok(c) awp_test_client_sync (c)

static char *
id_where (Client     *c,
          const char *sql_where)
{
  return awp_test_client_query_text (c, "SELECT id FROM record WHERE %s ORDER BY id LIMIT 1", sql_where);
}

/* A small PDF that differs per @seed, @size bytes long. */
static GBytes *
make_pdf (guint seed,
          gsize size)
{
  GString *s = g_string_new ("%PDF-1.4\n% awp test\n");

  g_string_append_printf (s, "1 0 obj << /Seed %u >> endobj\n", seed);
  while (s->len + 6 < size)
    g_string_append_c (s, (char) ('a' + (s->len * 7 + seed) % 26));
  g_string_append (s, "%%EOF\n");
  return g_string_free_to_bytes (s);
}

/* An accepted request of @c's body, answered with @att. */
static char *
answer_with (Client        *c,
             AwpAttachment *att)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonArray *list = json_array_new ();
  char *id = id_where (c, "type = 'blog_request' AND status = 'accepted'");

  json_array_add_object_element (list, awp_attachment_to_json (att));
  json_object_set_string_member (fields, "answer", "Жауап қоса берілген құжатта (O145-5.1).");
  json_object_set_array_member (fields, "attachments", list);
  g_assert_true (awp_store_transition (c->store, id, "answer", fields, "test", &error));
  g_assert_no_error (error);
  return id;
}

/* The first rejected change's first field error, as {field, code}. */
static JsonObject *
first_rejection (Client *c)
{
  g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpuint (rejected->len, >=, 1);
  node = json_from_string (((AwpOutboxEntry *) rejected->pdata[0])->last_error, NULL);
  g_assert_true (node != NULL && JSON_NODE_HOLDS_ARRAY (node));
  return json_object_ref (json_array_get_object_element (json_node_get_array (node), 0));
}

static void
test_local_checks (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (1, 3000);
  g_autoptr(GBytes) elf = g_bytes_new_static ("\x7f" "ELF\x02\x01\x01\0\0\0", 10);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(AwpAttachment) bad = NULL;
  g_autoptr(GBytes) back = NULL;

  g_assert_cmpuint (awp_store_get_schema_version (a->store), >=, 5);  /* the attachment table */
  att = awp_attachment_add_bytes (a->store, "../../жауап.pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (att->mime, ==, "application/pdf");
  g_assert_cmpstr (att->name, ==, ".._.._жауап.pdf");  /* no path separators survive */
  g_assert_cmpint (att->size, ==, g_bytes_get_size (pdf));
  g_assert_true (att->local && !att->uploaded);
  back = awp_attachment_read (a->store, att->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));

  bad = awp_attachment_add_bytes (a->store, "setup.pdf", elf, &error);
  g_assert_null (bad);
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_TYPE);
  g_assert_nonnull (strstr (error->message, "setup.pdf"));
  g_clear_error (&error);
  bad = awp_attachment_add_bytes (a->store, "empty.txt", empty, &error);
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_EMPTY);
  g_clear_error (&error);
  awp_attachment_set_max_size (1000);
  bad = awp_attachment_add_bytes (a->store, "big.pdf", pdf, &error);
  awp_attachment_set_max_size (0);
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.pdf"));
  g_clear_error (&error);
  g_assert_false (awp_attachment_store_downloaded (a->store, att->id, "x.pdf", "application/pdf", elf, &error));
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_CORRUPT);
}

static void
test_answer_roundtrip (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(Client) b = client_new ("admin.edu");
  g_autoptr(Client) h = client_new ("admin.health");
  g_autoptr(Client) op = client_new ("operator");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (2, 20000);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *req = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  sync_ok (b);
  att = awp_attachment_add_bytes (a->store, "Жауап хаты.pdf", pdf, &error);
  g_assert_no_error (error);
  req = answer_with (a, att);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.applied, ==, stats.pushed);
  g_assert_false (awp_attachment_needs_upload (a->store, att->id));

  /* Another workstation of the body: the answer arrives, the file on demand. */
  sync_ok (b);
  listed = awp_attachment_list (b->store, req, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((AwpAttachment *) listed->pdata[0])->name, ==, "Жауап хаты.pdf");
  g_assert_false (((AwpAttachment *) listed->pdata[0])->local);
  g_assert_null (awp_attachment_read (b->store, att->id, &error));
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_NOT_LOCAL);
  g_clear_error (&error);
  g_assert_true (awp_sync_fetch_attachment (b->sync, b->store, att->id, att->name, NULL, &error));
  g_assert_no_error (error);
  got = awp_attachment_read (b->store, att->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, pdf));

  /* Other bodies: the server's 404, whatever they know of the id. */
  g_assert_false (awp_sync_fetch_attachment (h->sync, h->store, att->id, att->name, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, att->name));
  g_clear_error (&error);
  g_assert_false (awp_sync_fetch_attachment (op->sync, op->store, att->id, att->name, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN);
  g_assert_false (awp_attachment_is_local (h->store, att->id));
}

/* The file changed in the store after it was added: the server's hash
 * check refuses it, and the answer is held with the field named. */
static void
test_tampered (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (3, 4000);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(JsonObject) why = NULL;
  g_autofree char *req = NULL;
  g_autofree char *sql = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  att = awp_attachment_add_bytes (a->store, "шешім.pdf", pdf, &error);
  g_assert_no_error (error);
  req = answer_with (a, att);
  sql = g_strdup_printf ("UPDATE attachment SET data = CAST ('%%PDF-1.4 forged' AS BLOB) WHERE sha256 = '%s'", att->id);
  raw_exec (a->path, sql);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.rejected, ==, 1);
  why = first_rejection (a);
  g_assert_cmpstr (json_object_get_string_member (why, "field"), ==, "attachments[0]");
  g_assert_cmpstr (json_object_get_string_member (why, "code"), ==, "hash_mismatch");
  g_assert_nonnull (strstr (json_object_get_string_member (why, "message"), "шешім.pdf"));
}

/* A file the server's limit refuses (413): held, the field named. */
static void
test_oversize (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (4, 4 * 1024 * 1024);  /* far past the limit: refused before it is sent */
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(JsonObject) why = NULL;
  g_autofree char *req = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  att = awp_attachment_add_bytes (a->store, "scan.pdf", pdf, &error);
  g_assert_no_error (error);  /* within this workstation's 20 MiB */
  req = answer_with (a, att);
  stats = sync_ok (a);
  g_assert_cmpuint (stats.rejected, ==, 1);
  why = first_rejection (a);
  g_assert_cmpstr (json_object_get_string_member (why, "field"), ==, "attachments[0]");
  g_assert_cmpstr (json_object_get_string_member (why, "code"), ==, "payload_too_large");
  g_assert_nonnull (strstr (json_object_get_string_member (why, "message"), "scan.pdf"));
}

/* The store believes the server has the file, but the server does not
 * (dropped, or restored from an older backup): the answer comes back
 * "attachment_missing", the file is sent again and the answer applies in
 * the same cycle, without a person. */
static void
test_server_lost_file (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(Client) b = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (8, 7000);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *req = NULL;
  g_autofree char *sql = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  att = awp_attachment_add_bytes (a->store, "lost.pdf", pdf, &error);
  g_assert_no_error (error);
  req = answer_with (a, att);
  sql = g_strdup_printf ("UPDATE attachment SET uploaded = 1 WHERE sha256 = '%s'", att->id);
  raw_exec (a->path, sql);
  stats = sync_ok (a);
  if (stats.rejected > 0)
    {
      g_autoptr(JsonObject) why = first_rejection (a);

      g_test_message ("rejected: %s %s", json_object_get_string_member (why, "field"),
                      json_object_get_string_member (why, "message"));
    }
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.applied, ==, 1);
  g_assert_cmpint (awp_outbox_count (a->store, "rejected", NULL), ==, 0);
  sync_ok (b);
  g_assert_true (awp_sync_fetch_attachment (b->sync, b->store, att->id, att->name, NULL, &error));
  g_assert_no_error (error);
  got = awp_attachment_read (b->store, att->id, NULL);
  g_assert_true (g_bytes_equal (got, pdf));
}

static char *fault_plan;

/* Answered while uploads fail (the server answers 503, a fault plan); the
 * answer stays pending with its file, a later sync retries the upload and
 * pushes the answer, and another workstation downloads the file. */
static void
test_offline (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(Client) b = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (5, 9000);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *req = NULL;
  AwpSyncStats stats;

  sync_ok (a);
  att = awp_attachment_add_bytes (a->store, "offline.pdf", pdf, &error);
  g_assert_no_error (error);
  req = answer_with (a, att);
  g_assert_true (g_file_set_contents (fault_plan, "PUT /api/v1/attachments/ status 503\n"
                                                  "PUT /api/v1/attachments/ status 503\n", -1, NULL));
  awp_sync_set_max_attempts (a->sync, 2);
  g_assert_false (awp_sync_run (a->sync, a->store, &stats, NULL, NULL, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_true (awp_attachment_needs_upload (a->store, att->id));
  g_assert_cmpint (awp_outbox_count (a->store, "pending", NULL), ==, 1);

  /* One more failure, retried within the cycle like any request. */
  g_assert_true (g_file_set_contents (fault_plan, "PUT /api/v1/attachments/ status 503\n", -1, NULL));
  awp_sync_set_max_attempts (a->sync, 3);
  stats = sync_ok (a);
  if (stats.rejected > 0)
    {
      g_autoptr(JsonObject) why = first_rejection (a);

      g_test_message ("rejected: %s %s", json_object_get_string_member (why, "field"),
                      json_object_get_string_member (why, "message"));
    }
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpuint (stats.applied, ==, 1);
  g_assert_false (awp_attachment_needs_upload (a->store, att->id));
  sync_ok (b);
  g_assert_true (awp_sync_fetch_attachment (b->sync, b->store, att->id, att->name, NULL, &error));
  g_assert_no_error (error);
  got = awp_attachment_read (b->store, att->id, &error);
  g_assert_true (g_bytes_equal (got, pdf));
}

/* Issue 9, O93-3: an Annex 1 application with a file. The authorized body
 * reads applications across bodies (the change feed's rule), so it may
 * download the file; another applicant body may not. */
static void
test_annex1 (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) auth = client_new ("authorized");
  g_autoptr(Client) h = client_new ("admin.health");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (7, 6000);
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *id = NULL;
  JsonObject *data;
  AwpSyncStats stats;

  sync_ok (app);
  att = awp_attachment_add_bytes (app->store, "Положение о приемной.pdf", pdf, &error);
  g_assert_no_error (error);
  node = json_from_string ("{\"to_body\":\"Министерство информации и общественного развития РК\","
                           "\"from_body_kk\":\"Оқу-ағарту министрлігі\",\"from_body_ru\":\"Министерство просвещения\","
                           "\"channel_name_kk\":\"Мұғаліммен байланыс\",\"channel_name_ru\":\"Связь с учителем\","
                           "\"regulating_act\":\"Приказ № 12\",\"purpose\":\"Прием обращений\",\"coverage\":\"republican\","
                           "\"format\":\"hybrid\",\"resources\":\"Два сотрудника\",\"justification\":\"Опрос 2025 года\","
                           "\"signer\":\"Сейітқали Ә. Б.\",\"signed_on\":\"2026-03-17\"}", &error);
  g_assert_no_error (error);
  data = json_node_get_object (node);
  {
    JsonArray *list = json_array_new ();

    json_array_add_string_element (list, "Результаты опроса");
    json_array_add_object_element (list, awp_attachment_to_json (att));
    json_object_set_array_member (data, "attachments", list);
  }
  id = awp_accreditation_create (app->store, data, "admin.edu", &error);
  g_assert_no_error (error);
  g_assert_true (awp_accreditation_send (app->store, id, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  stats = sync_ok (app);
  g_assert_cmpuint (stats.rejected, ==, 0);

  sync_ok (auth);
  g_assert_true (awp_sync_fetch_attachment (auth->sync, auth->store, att->id, att->name, NULL, &error));
  g_assert_no_error (error);
  got = awp_attachment_read (auth->store, att->id, &error);
  g_assert_true (g_bytes_equal (got, pdf));
  g_assert_false (awp_sync_fetch_attachment (h->sync, h->store, att->id, att->name, NULL, &error));
  g_assert_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN);
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  awp_sync_engine_fetch_attachment_finish (AWP_SYNC_ENGINE (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_sync_engine_sign_in_finish (AWP_SYNC_ENGINE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* The engine's async download, on its own connection to the store file. */
static void
test_engine_fetch (void)
{
  g_autoptr(Client) a = client_new ("admin.edu");
  g_autoptr(Client) b = client_new ("admin.edu");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_pdf (6, 5000);
  gboolean signed_in = FALSE;
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(AwpSyncEngine) engine = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *req = NULL;

  sync_ok (a);
  att = awp_attachment_add_bytes (a->store, "engine.pdf", pdf, &error);
  g_assert_no_error (error);
  req = answer_with (a, att);
  sync_ok (a);
  sync_ok (b);
  engine = awp_sync_engine_new (b->path, server.url, "admin.edu");
  awp_sync_engine_set_use_keyring (engine, FALSE);
  awp_sync_engine_sign_in_async (engine, PASSWORD, NULL, signed_in_cb, &signed_in);
  while (!signed_in)
    g_main_context_iteration (NULL, TRUE);
  awp_sync_engine_fetch_attachment_async (engine, att->id, att->name, NULL, fetched, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* "done": no failure */
  got = awp_attachment_read (b->store, att->id, NULL);
  g_assert_nonnull (got);
  g_assert_true (g_bytes_equal (got, pdf));
}

int
main (int argc,
      char **argv)
{
  g_autofree char *plan_dir = g_dir_make_tmp ("awp-attach-faults-XXXXXX", NULL);
  g_autofree char *extra = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  fault_plan = g_build_filename (plan_dir, "faults", NULL);
  extra = g_strdup_printf ("max-attachment=%d\n[test]\nfault-plan=%s\n", SERVER_LIMIT, fault_plan);
  awp_test_server_start (&server, extra);
  g_test_add_func ("/attachment/local-checks", test_local_checks);
  g_test_add_func ("/attachment/answer-roundtrip", test_answer_roundtrip);
  g_test_add_func ("/attachment/tampered", test_tampered);
  g_test_add_func ("/attachment/oversize", test_oversize);
  g_test_add_func ("/attachment/offline", test_offline);
  g_test_add_func ("/attachment/engine-fetch", test_engine_fetch);
  g_test_add_func ("/attachment/annex1", test_annex1);
  g_test_add_func ("/attachment/server-lost-file", test_server_lost_file);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  remove_dir (plan_dir);
  g_free (fault_plan);
  return rc;
}
