#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "awp-draft.h"

/* Crash-safe editing (issue 10 item 7): a draft journal that is written at
 * most every AWP_DRAFT_INTERVAL_MS and never later, atomically, so an
 * editor killed with SIGKILL while typing restores all but the last
 * interval of typing at the next start. */

#define KEY "record/r-1/answer"
/* The typist: one keystroke every TYPE_MS of its main loop. */
#define TYPE_MS 20
/* Keystrokes one interval may hold, plus one for the keystroke in flight
 * and a little for timers that fall due in the same main-loop iteration. */
#define MAX_LOST (AWP_DRAFT_INTERVAL_MS / TYPE_MS + 3)

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("awp-draft-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static JsonObject *
answer (const char *text)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "answer", text);
  return o;
}

/* The text after @n keystrokes: digits in turn, so a restored draft shows
 * exactly how far the typing got. */
static char *
typed (guint n)
{
  char *s = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    s[i] = '0' + i % 10;
  s[n] = '\0';
  return s;
}

static void
test_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *jdir = g_build_filename (dir, "awp.db.drafts", NULL);
  g_autofree char *store = g_build_filename (dir, "awp.db", NULL);
  g_autofree char *expected = awp_draft_journal_dir_for_store (store);
  g_autoptr(AwpDraftJournal) j = NULL;
  g_autoptr(AwpDraftJournal) again = NULL;
  g_autoptr(JsonObject) a = answer ("Құрметті азамат, сұрағыңызға жауап");
  g_autoptr(JsonObject) b = answer ("Уважаемый гражданин");
  g_autoptr(AwpDraft) d = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GStatBuf st;

  g_assert_cmpstr (expected, ==, jdir);
  j = awp_draft_journal_new (jdir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (jdir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* Pending until the timer or a flush writes it. */
  awp_draft_journal_set (j, KEY, a);
  awp_draft_journal_set (j, "new/template", b);
  d = awp_draft_journal_get (j, KEY, &error);
  g_assert_no_error (error);
  g_assert_null (d);
  g_assert_true (awp_draft_journal_flush (j, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awp_draft_journal_get_n_writes (j), ==, 1);

  d = awp_draft_journal_get (j, KEY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->key, ==, KEY);
  g_assert_cmpstr (json_object_get_string_member (d->fields, "answer"), ==, "Құрметті азамат, сұрағыңызға жауап");
  g_assert_cmpint (d->saved_at, >, 0);
  g_clear_pointer (&d, awp_draft_free);

  /* Personal data: only the user may read a draft. */
  {
    g_autoptr(GDir) gd = g_dir_open (jdir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (gd)) != NULL)
      {
        g_autofree char *path = g_build_filename (jdir, name, NULL);

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
        /* File names are hashes: no key reaches the file system. */
        g_assert_null (strchr (name, '/'));
        g_assert_true (g_str_has_suffix (name, ".json"));
        n++;
      }
    g_assert_cmpuint (n, ==, 2);
  }

  /* A new process (a new journal on the same directory) sees both. */
  again = awp_draft_journal_new (jdir, &error);
  g_assert_no_error (error);
  all = awp_draft_journal_list (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  /* Saving (or cancelling) the editor discards the draft. */
  g_assert_true (awp_draft_journal_discard (again, KEY, &error));
  g_assert_no_error (error);
  g_assert_true (awp_draft_journal_discard (again, KEY, &error));
  d = awp_draft_journal_get (again, KEY, &error);
  g_assert_null (d);
  g_assert_nonnull ((d = awp_draft_journal_get (again, "new/template", &error)));

  /* A bad key is refused with the field named. */
  g_assert_null (awp_draft_journal_get (again, "", &error));
  g_assert_error (error, AWP_DRAFT_ERROR, AWP_DRAFT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "key"));

  remove_tree (dir);
}

static void
test_damaged_files_skipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autoptr(AwpDraftJournal) j = awp_draft_journal_new (dir, &error);
  g_autoptr(JsonObject) a = answer ("жауап");
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *junk = g_build_filename (dir, "0000.json", NULL);
  g_autofree char *tmp = g_build_filename (dir, "0001.json.X3F9QZ", NULL);

  g_assert_no_error (error);
  awp_draft_journal_set (j, KEY, a);
  g_assert_true (awp_draft_journal_flush (j, &error));
  /* What a crash elsewhere could leave: a truncated file, a temporary. */
  g_assert_true (g_file_set_contents (junk, "{\"key\":\"record/r-2/answer\",\"fie", -1, NULL));
  g_assert_true (g_file_set_contents (tmp, "{\"key\":\"x\",\"fields\":{}}", -1, NULL));
  all = awp_draft_journal_list (j, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((AwpDraft *) all->pdata[0])->key, ==, KEY);
  remove_tree (dir);
}

typedef struct
{
  AwpDraftJournal *journal;
  guint            n;
  guint            limit;   /* 0: type until killed */
  GMainLoop       *loop;
} Typist;

static gboolean
keystroke (gpointer user_data)
{
  Typist *t = user_data;
  g_autofree char *text = typed (++t->n);
  g_autoptr(JsonObject) fields = answer (text);
  char line[32];
  int len;

  awp_draft_journal_set (t->journal, KEY, fields);
  if (t->limit == 0)
    {
      /* Unbuffered: the parent must know every keystroke made before the kill. */
      len = g_snprintf (line, sizeof line, "k %u\n", t->n);
      if (write (STDOUT_FILENO, line, len) != len)
        exit (3);
    }
  if (t->limit != 0 && t->n >= t->limit)
    {
      g_main_loop_quit (t->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Throttled: however fast the typing, writes are at least an interval
 * apart, and the last change is written when the editor is closed. */
static void
test_throttle (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autoptr(AwpDraftJournal) j = awp_draft_journal_new (dir, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(AwpDraft) d = NULL;
  g_autofree char *all = NULL;
  Typist t = { j, 0, 5000 / TYPE_MS, loop };
  gint64 start, elapsed_ms;
  guint writes;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_timeout_add (TYPE_MS, keystroke, &t);
  g_main_loop_run (loop);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  writes = awp_draft_journal_get_n_writes (j);
  g_test_message ("%u keystrokes in %" G_GINT64_FORMAT " ms: %u writes", t.n, elapsed_ms, writes);
  /* A load-slowed run only writes less often, never more. */
  g_assert_cmpuint (writes, >=, 2);
  g_assert_cmpuint (writes, <=, elapsed_ms / AWP_DRAFT_INTERVAL_MS + 1);

  g_clear_object (&j);
  j = awp_draft_journal_new (dir, &error);
  d = awp_draft_journal_get (j, KEY, &error);
  g_assert_no_error (error);
  all = typed (t.n);
  g_assert_cmpstr (json_object_get_string_member (d->fields, "answer"), ==, all);
  remove_tree (dir);
}

static int
run_typist (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpDraftJournal) j = awp_draft_journal_new (dir, &error);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Typist t = { j, 0, 0, loop };

  if (j == NULL)
    return 2;
  g_timeout_add (TYPE_MS, keystroke, &t);
  g_main_loop_run (loop);
  return 0;
}

/* The real thing: a separate process types until SIGKILL at a random
 * keystroke; the next start restores what it typed but the last interval. */
static void
test_sigkill (void)
{
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = make_dir ();
      g_autofree char *jdir = g_build_filename (dir, "awp.db.drafts", NULL);
      g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
      const char *argv[] = { self, "--type", jdir, NULL };
      g_autoptr(GIOChannel) out = NULL;
      g_autoptr(AwpDraftJournal) j = NULL;
      g_autoptr(AwpDraft) d = NULL;
      g_autofree char *prefix = NULL;
      const char *restored;
      GPid pid;
      int fd, status;
      guint typed_n = 0, kill_at = g_test_rand_int_range (120, 260), lost;
      char *line = NULL;

      g_assert_no_error (error);
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &fd, NULL, &error));
      g_assert_no_error (error);
      out = g_io_channel_unix_new (fd);
      g_io_channel_set_close_on_unref (out, TRUE);
      while (g_io_channel_read_line (out, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
        {
          guint n;

          g_assert_true (sscanf (line, "k %u", &n) == 1);
          g_free (line);
          typed_n = n;
          if (n == kill_at)
            g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      /* Keystrokes reported after kill() were in the pipe already. */
      g_assert_cmpuint (typed_n, >=, kill_at);

      j = awp_draft_journal_new (jdir, &error);
      g_assert_no_error (error);
      d = awp_draft_journal_get (j, KEY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (d);
      restored = json_object_get_string_member (d->fields, "answer");
      g_assert_cmpuint (strlen (restored), <=, typed_n);
      prefix = typed (strlen (restored));
      g_assert_cmpstr (restored, ==, prefix);
      lost = typed_n - strlen (restored);
      g_test_message ("killed after %u keystrokes (%u ms of typing): restored %zu, lost %u (%u ms)",
                      typed_n, typed_n * TYPE_MS, strlen (restored), lost, lost * TYPE_MS);
      g_assert_cmpuint (lost, <=, MAX_LOST);
      remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--type"))
    return run_typist (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/draft/roundtrip", test_roundtrip);
  g_test_add_func ("/draft/damaged-files-skipped", test_damaged_files_skipped);
  g_test_add_func ("/draft/throttle", test_throttle);
  g_test_add_func ("/draft/sigkill-restores", test_sigkill);
  return g_test_run ();
}
