#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "awp-bench.h"
#include "awp-outbox.h"
#include "awp-store.h"
#include "awp-sync.h"

/* sync: a real awp-server process on loopback. The client side (awp-sync
 * into an empty AwpStore): the first pull of 100,000 records (goal
 * >= 20,000 records/s end to end) and the push of 10,000 queued changes
 * (goal <= 3 s). The server side: pull requests per second with 8
 * concurrent clients, and the time to push 10,000 mutations in batches of
 * 500 from one client. The server binary comes from $AWP_SERVER or the
 * build tree. */

/* Defaults; `awp-bench sync --records N --pushes N [--client-only]`. */
#define CLIENT_RECORDS 100000
#define CLIENT_PUSHES  10000

#define N_CLIENTS 8
#define PULLS_PER_CLIENT 250
#define PUSH_TOTAL 10000
#define PUSH_BATCH 500

typedef struct
{
  const char *base;
  const char *token;
  guint       done;
  guint       failed;
  guint64     records;
} PullClient;

/* CPU seconds of this process, and of the server from /proc (0 where
 * there is no /proc): the machine is shared, so wall times include
 * waiting for a core; CPU time is what the work itself costs. */
static double
cpu_self (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
cpu_of (GSubprocess *proc)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (proc));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  /* utime and stime, fields 14 and 15 of stat(5). */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

static GBytes *
request (SoupSession *session,
         const char  *method,
         const char  *url,
         const char  *token,
         const char  *key,
         const char  *body,
         guint       *status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *reply;

  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  if (body != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", b);
    }
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  *status = soup_message_get_status (msg);
  return reply;
}

static gpointer
pull_thread (gpointer data)
{
  PullClient *c = data;
  g_autoptr(GMainContext) ctx = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *cursor = g_strdup ("");

  g_main_context_push_thread_default (ctx);
  session = soup_session_new ();
  for (guint i = 0; i < PULLS_PER_CLIENT; i++)
    {
      g_autofree char *url = g_strdup_printf ("%sapi/v1/sync/changes?limit=100&cursor=%s", c->base, cursor);
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *page;
      guint status;

      reply = request (session, "GET", url, c->token, NULL, NULL, &status);
      if (reply == NULL || status != 200
          || !json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL))
        {
          c->failed++;
          continue;
        }
      page = json_node_get_object (json_parser_get_root (parser));
      c->records += json_array_get_length (json_object_get_array_member (page, "changes"));
      c->done++;
      /* Walk the feed; start over at its end, like clients catching up. */
      g_free (cursor);
      cursor = json_object_get_boolean_member (page, "has_more")
        ? g_strdup (json_object_get_string_member (page, "next_cursor")) : g_strdup ("");
    }
  g_clear_object (&session);
  g_main_context_pop_thread_default (ctx);
  return NULL;
}

static char *
login (SoupSession *session,
       const char  *base)
{
  g_autofree char *url = g_strconcat (base, "api/v1/auth/login", NULL);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status;

  reply = request (session, "POST", url, NULL, NULL,
                   "{\"username\":\"admin.edu\",\"password\":\"demo-2026\"}", &status);
  if (reply == NULL || status != 200)
    return NULL;
  node = json_from_string (g_bytes_get_data (reply, NULL), NULL);
  if (node == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

static GSubprocess *
start_server (const char  *server_path,
              const char  *db,
              const char  *conf,
              const char  *requests,
              const char  *org,
              char       **base,
              GError     **error)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  if (org != NULL)
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error, server_path, "--port", "0", "--db", db,
                             "--config", conf, "--seed", "demo", "--seed-requests", requests,
                             "--seed-org", org, NULL);
  else
    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error, server_path, "--port", "0", "--db", db,
                             "--config", conf, "--seed", "demo", "--seed-requests", requests, NULL);
  if (proc == NULL)
    return NULL;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error);
  if (line == NULL || !g_str_has_prefix (line, "listening "))
    {
      if (line != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "awp-server did not start");
      g_subprocess_force_exit (proc);
      return NULL;
    }
  *base = g_strdup (line + strlen ("listening "));
  return g_steal_pointer (&proc);
}

static void
remove_files (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
}

/* The client's figures: a first download into an empty store, then the
 * push of 10,000 changes made offline. */
static int
bench_client (const char *server_path,
              const char *dir,
              const char *conf,
              guint       n_records,
              guint       n_pushes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server_db = g_build_filename (dir, "client-server.db", NULL);
  g_autofree char *store_db = g_build_filename (dir, "client.db", NULL);
  g_autofree char *requests = g_strdup_printf ("%u", n_records);
  g_autofree char *base = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(AwpStore) store = NULL;
  g_autoptr(AwpSync) sync = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  AwpSyncStats stats;
  double start, elapsed, c0, s0;
  int rc = 0;

  /* All generated requests go to one body, so one user pulls them all. */
  proc = start_server (server_path, server_db, conf, requests, "kazpost", &base, &error);
  if (proc == NULL)
    goto fail;
  store = awp_store_open (store_db, &error);
  if (store == NULL)
    goto fail;
  sync = awp_sync_new (base, "admin.kazpost");
  awp_sync_set_use_keyring (sync, FALSE);
  awp_sync_set_timeout (sync, 120);
  if (!awp_sync_sign_in (sync, "demo-2026", NULL, &error))
    goto fail;

  start = awp_bench_now ();
  c0 = cpu_self ();
  s0 = cpu_of (proc);
  if (!awp_sync_run (sync, store, &stats, NULL, NULL, NULL, &error))
    goto fail;
  elapsed = awp_bench_now () - start;
  awp_bench_report ("sync_client_first_pull_records", stats.pulled, "records");
  awp_bench_report ("sync_client_first_pull_time", elapsed, "s");
  awp_bench_report ("sync_client_first_pull_rate", stats.pulled / elapsed, "records/s");
  awp_bench_report ("sync_client_first_pull_cpu", cpu_self () - c0, "s");
  awp_bench_report ("sync_client_first_pull_server_cpu", cpu_of (proc) - s0, "s");

  /* 10,000 offline edits, each its own transaction as a user makes them. */
  {
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    ids = g_ptr_array_new_with_free_func (g_free);
    if (sqlite3_open_v2 (store_db, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
        && sqlite3_prepare_v2 (raw, "SELECT id FROM record WHERE type = 'blog_request' ORDER BY id LIMIT ?",
                               -1, &stmt, NULL) == SQLITE_OK)
      {
        sqlite3_bind_int (stmt, 1, (int) n_pushes);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      }
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
  }
  start = awp_bench_now ();
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) patch = json_object_new ();
      g_autofree char *subject = g_strdup_printf ("Жол жөндеу туралы — өзгертілді %u", i);

      json_object_set_string_member (patch, "subject", subject);
      if (!awp_store_update (store, ids->pdata[i], patch, "bench", &error))
        goto fail;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("sync_client_offline_edits", ids->len / elapsed, "edits/s");

  start = awp_bench_now ();
  c0 = cpu_self ();
  s0 = cpu_of (proc);
  if (!awp_sync_push (sync, store, &stats, NULL, &error))
    goto fail;
  elapsed = awp_bench_now () - start;
  awp_bench_report (n_pushes == 10000 ? "sync_client_push_10000_changes" : "sync_client_push_changes", elapsed, "s");
  awp_bench_report ("sync_client_push_rate", stats.applied / elapsed, "changes/s");
  awp_bench_report ("sync_client_push_cpu", cpu_self () - c0, "s");
  awp_bench_report ("sync_client_push_server_cpu", cpu_of (proc) - s0, "s");
  if (stats.applied != ids->len || ids->len != n_pushes)
    {
      fprintf (stderr, "awp-bench: %u of %u changes applied\n", stats.applied, ids->len);
      rc = 1;
    }

out:
  g_clear_object (&store);
  if (proc != NULL)
    {
      g_subprocess_send_signal (proc, SIGTERM);
      g_subprocess_wait (proc, NULL, NULL);
    }
  remove_files (server_db);
  remove_files (store_db);
  return rc;

fail:
  fprintf (stderr, "awp-bench: %s\n", error->message);
  rc = 1;
  goto out;
}

int
awp_bench_sync (int    argc,
                char **argv)
{
  const char *server_path = g_getenv ("AWP_SERVER") ? g_getenv ("AWP_SERVER") : AWP_SERVER_PATH;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-bench-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *conf = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *token = NULL;
  const char *base;
  PullClient clients[N_CLIENTS];
  GThread *threads[N_CLIENTS];
  guint total = 0, failed = 0, push_failed = 0;
  guint64 records = 0;
  double start, elapsed;
  int rc = 0;

  if (dir == NULL)
    {
      fprintf (stderr, "awp-bench: %s\n", error->message);
      return 1;
    }
  db = g_build_filename (dir, "bench.db", NULL);
  conf = g_build_filename (dir, "bench.conf", NULL);
  if (!g_file_set_contents (conf, "[server]\nlog-requests=false\n", -1, &error))
    goto fail;
  {
    guint64 n_records = CLIENT_RECORDS, n_pushes = CLIENT_PUSHES;
    gboolean client_only = FALSE;

    for (int i = 1; i < argc; i++)
      if (g_str_equal (argv[i], "--client-only"))
        client_only = TRUE;
      else if (i + 1 < argc && g_str_equal (argv[i], "--records"))
        g_ascii_string_to_unsigned (argv[++i], 10, 1, 10000000, &n_records, NULL);
      else if (i + 1 < argc && g_str_equal (argv[i], "--pushes"))
        g_ascii_string_to_unsigned (argv[++i], 10, 1, 1000000, &n_pushes, NULL);
    rc = bench_client (server_path, dir, conf, (guint) n_records, (guint) MIN (n_pushes, n_records));
    if (client_only)
      goto out;
  }
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, server_path, "--port", "0",
                           "--db", db, "--config", conf, "--seed", "demo", "--seed-requests", "5000", NULL);
  if (proc == NULL)
    goto fail;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening "))
    {
      fprintf (stderr, "awp-bench: awp-server did not start\n");
      rc = 1;
      goto out;
    }
  base = line + strlen ("listening ");
  session = soup_session_new ();
  token = login (session, base);
  if (token == NULL)
    {
      fprintf (stderr, "awp-bench: login failed\n");
      rc = 1;
      goto out;
    }

  start = awp_bench_now ();
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = (PullClient) { base, token, 0, 0, 0 };
      threads[i] = g_thread_new ("pull", pull_thread, &clients[i]);
    }
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      total += clients[i].done;
      failed += clients[i].failed;
      records += clients[i].records;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("sync_server_pull_8_clients", total / elapsed, "requests/s");
  awp_bench_report ("sync_server_pull_records", records / elapsed, "records/s");

  start = awp_bench_now ();
  for (guint b = 0; b < PUSH_TOTAL / PUSH_BATCH; b++)
    {
      g_autoptr(GString) body = g_string_new ("{\"client_id\":\"bench\",\"mutations\":[");
      g_autofree char *url = g_strconcat (base, "api/v1/sync/push", NULL);
      g_autofree char *key = g_strdup_printf ("bench-batch-%u", b);
      g_autoptr(GBytes) reply = NULL;
      guint status;

      for (guint i = 0; i < PUSH_BATCH; i++)
        {
          guint n = b * PUSH_BATCH + i;

          g_string_append_printf (body, "%s{\"mutation_id\":\"bm-%u\",\"entity_type\":\"blog_request\","
                                  "\"entity_id\":\"bench-%u\",\"op\":\"create\",\"patch\":{"
                                  "\"subject\":\"Жол жөндеу туралы %u\",\"text\":\"Прошу сообщить сроки ремонта дороги.\","
                                  "\"status\":\"received\",\"received_on\":\"2026-03-02\",\"due_on\":\"2026-03-17\"}}",
                                  i == 0 ? "" : ",", n, n, n);
        }
      g_string_append (body, "]}");
      reply = request (session, "POST", url, token, key, body->str, &status);
      if (reply == NULL || status != 200 || strstr (g_bytes_get_data (reply, NULL), "\"rejected\"") != NULL)
        push_failed++;
    }
  elapsed = awp_bench_now () - start;
  awp_bench_report ("sync_server_push_10000_mutations", elapsed, "s");
  awp_bench_report ("sync_server_push_rate", PUSH_TOTAL / elapsed, "mutations/s");
  if (failed > 0 || push_failed > 0)
    {
      fprintf (stderr, "awp-bench: %u pulls and %u push batches failed\n", failed, push_failed);
      rc = 1;
    }

out:
  g_clear_object (&session);
  if (proc != NULL)
    {
      g_subprocess_send_signal (proc, SIGTERM);
      g_subprocess_wait (proc, NULL, NULL);
    }
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (conf);
    g_rmdir (dir);
  }
  return rc;

fail:
  fprintf (stderr, "awp-bench: %s\n", error->message);
  rc = 1;
  goto out;
}
