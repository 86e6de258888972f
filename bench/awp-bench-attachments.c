#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "awp-attachment.h"
#include "awp-bench.h"
#include "awp-sync.h"

/* attachments: a 10 MiB PDF through a real awp-server on loopback. Adding
 * it to the store (hash, sniff, insert), the sync cycle that uploads it
 * before the answer naming it, and another workstation's download (GET,
 * hash check, insert). The server comes from $AWP_SERVER or the build. */

#define SIZE (10 * 1024 * 1024)

static GSubprocess *
start_server (const char  *server_path,
              const char  *db,
              const char  *conf,
              char       **base,
              GError     **error)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error, server_path, "--port", "0", "--db", db,
                           "--config", conf, "--seed", "demo", NULL);
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

static char *
accepted_request (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  if (sqlite3_open (path, &db) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT id FROM record WHERE type = 'blog_request' AND status = 'accepted' LIMIT 1",
                             -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
}

static AwpSync *
signed_in (const char  *base,
           GError     **error)
{
  AwpSync *sync = awp_sync_new (base, "admin.edu");

  awp_sync_set_use_keyring (sync, FALSE);
  awp_sync_set_timeout (sync, 120);
  if (!awp_sync_sign_in (sync, "demo-2026", NULL, error))
    {
      awp_sync_free (sync);
      return NULL;
    }
  return sync;
}

int
awp_bench_attachments (int    argc,
                       char **argv)
{
  const char *server_path = g_getenv ("AWP_SERVER") ? g_getenv ("AWP_SERVER") : AWP_SERVER_PATH;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-bench-attach-XXXXXX", &error);
  g_autofree char *server_db = NULL, *conf = NULL, *a_path = NULL, *b_path = NULL, *base = NULL, *req = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(AwpStore) a = NULL;
  g_autoptr(AwpStore) b = NULL;
  g_autoptr(AwpSync) sa = NULL;
  g_autoptr(AwpSync) sb = NULL;
  g_autoptr(AwpAttachment) att = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonArray *list;
  GString *s;
  AwpSyncStats stats;
  double t0, mb = SIZE / (1024.0 * 1024.0);
  int rc = 1;

  if (dir == NULL)
    goto out;
  server_db = g_build_filename (dir, "server.db", NULL);
  conf = g_build_filename (dir, "server.conf", NULL);
  a_path = g_build_filename (dir, "a.db", NULL);
  b_path = g_build_filename (dir, "b.db", NULL);
  if (!g_file_set_contents (conf, "[server]\nlog-requests=false\n", -1, &error)
      || (proc = start_server (server_path, server_db, conf, &base, &error)) == NULL
      || (a = awp_store_open (a_path, &error)) == NULL || (b = awp_store_open (b_path, &error)) == NULL
      || (sa = signed_in (base, &error)) == NULL || (sb = signed_in (base, &error)) == NULL
      || !awp_sync_run (sa, a, &stats, NULL, NULL, NULL, &error)
      || !awp_sync_run (sb, b, &stats, NULL, NULL, NULL, &error))
    goto out;

  /* A PDF header, then bytes that do not compress. */
  s = g_string_sized_new (SIZE);
  g_string_append (s, "%PDF-1.7\n");
  {
    GRand *rand = g_rand_new_with_seed (20261201);

    while (s->len < SIZE)
      {
        guint32 v = g_rand_int (rand);

        g_string_append_len (s, (const char *) &v, MIN (sizeof v, SIZE - s->len));
      }
    g_rand_free (rand);
  }
  pdf = g_string_free_to_bytes (s);

  t0 = awp_bench_now ();
  att = awp_attachment_add_bytes (a, "scan.pdf", pdf, &error);
  if (att == NULL)
    goto out;
  awp_bench_report ("attachment_add_10mib", (awp_bench_now () - t0) * 1000.0, "ms");

  req = accepted_request (a_path);
  list = json_array_new ();
  json_array_add_object_element (list, awp_attachment_to_json (att));
  json_object_set_string_member (fields, "answer", "Жауап қоса беріледі.");
  json_object_set_array_member (fields, "attachments", list);
  if (req == NULL || !awp_store_transition (a, req, "answer", fields, "bench", &error))
    goto out;
  t0 = awp_bench_now ();
  if (!awp_sync_run (sa, a, &stats, NULL, NULL, NULL, &error) || stats.applied != 1)
    goto out;
  awp_bench_report ("attachment_upload_cycle_10mib", awp_bench_now () - t0, "s");
  awp_bench_report ("attachment_upload_rate", mb / (awp_bench_now () - t0), "MiB/s");

  if (!awp_sync_run (sb, b, &stats, NULL, NULL, NULL, &error))
    goto out;
  t0 = awp_bench_now ();
  if (!awp_sync_fetch_attachment (sb, b, att->id, att->name, NULL, &error))
    goto out;
  awp_bench_report ("attachment_download_10mib", awp_bench_now () - t0, "s");
  awp_bench_report ("attachment_download_rate", mb / (awp_bench_now () - t0), "MiB/s");
  rc = 0;

out:
  if (error != NULL)
    fprintf (stderr, "awp-bench attachments: %s\n", error->message);
  if (proc != NULL)
    {
      g_subprocess_send_signal (proc, SIGTERM);
      g_subprocess_wait (proc, NULL, NULL);
    }
  g_clear_object (&a);
  g_clear_object (&b);
  if (dir != NULL)
    remove_tree (dir);
  return rc;
}
