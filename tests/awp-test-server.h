#pragma once

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "awp-test-store.h"

/* A real awp-server ($AWP_SERVER) on 127.0.0.1 with the demo seed, in a
 * temporary directory, for the client tests that sync against it. */
typedef struct
{
  GPid  pid;
  char *dir;
  char *url;
} AwpTestServer;

/* Child setup: an aborted test never leaves a server or a client running. */
static inline void
awp_test_die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts the server; @config_extra is appended to its configuration file
 * (NULL for none). */
static inline void
awp_test_server_start (AwpTestServer *s,
                       const char    *config_extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_text = NULL;
  const char *exe = g_getenv ("AWP_SERVER");
  char line[256];
  gsize n = 0;
  int out = -1;

  g_assert_nonnull (exe);
  s->dir = g_dir_make_tmp ("awp-test-server-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (s->dir, "server.db", NULL);
  conf = g_build_filename (s->dir, "server.conf", NULL);
  conf_text = g_strconcat ("[server]\nlog-requests=false\n", config_extra ? config_extra : "", NULL);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  {
    const char *argv[] = { exe, "--port", "0", "--db", db, "--seed", "demo", "--config", conf, NULL };

    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, awp_test_die_with_parent, NULL,
                              &s->pid, NULL, &out, NULL, &error);
    g_assert_no_error (error);
  }
  /* The first line names the address: "listening http://127.0.0.1:PORT/". */
  while (n < sizeof line - 1 && read (out, line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
  close (out);
  g_assert_true (g_str_has_prefix (line, "listening "));
  s->url = g_strdup (line + strlen ("listening "));
}

static inline void
awp_test_server_stop (AwpTestServer *s)
{
  int status;

  kill (s->pid, SIGTERM);
  waitpid (s->pid, &status, 0);
  g_spawn_close_pid (s->pid);
  remove_dir (s->dir);
  g_clear_pointer (&s->dir, g_free);
  g_clear_pointer (&s->url, g_free);
}
