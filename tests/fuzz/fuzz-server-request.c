#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "awp-server-private.h"

/* Whole requests against awp-server's real handlers, in-process: each
 * input becomes one HTTP/1.1 request on a fresh socketpair handed to the
 * server's SoupServer, answered on this thread's main context. Input:
 * byte 0 picks the endpoint, byte 1 the caller (none, an administrator,
 * the Operator, the authorized body) and the Idempotency-Key; then
 * "ID\nQUERY\nBODY" (the {id} path segment, the query string, the body).
 * For attachment uploads an id "auto" becomes the body's SHA-256 (so the
 * store path is reached) and bits 2-3 of byte 1 pick the Content-Type.
 * The server must answer every request with a status below 500 in the
 * error format, and never crash, leak or trip a GLib critical. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

typedef struct
{
  const char *method;
  const char *path;  /* "{id}" is replaced by the input's id */
} Endpoint;

static const Endpoint endpoints[] = {
  { "GET", "/api/v1/health" },
  { "POST", "/api/v1/auth/login" },
  { "POST", "/api/v1/auth/refresh" },
  { "POST", "/api/v1/auth/logout" },
  { "GET", "/api/v1/auth/me" },
  { "POST", "/api/v1/sync/push" },
  { "GET", "/api/v1/sync/changes" },
  { "GET", "/api/v1/organizations" },
  { "GET", "/api/v1/users" },
  { "GET", "/api/v1/calendar/years" },
  { "GET", "/api/v1/rule-sets" },
  { "POST", "/api/v1/portal/requests" },
  { "POST", "/api/v1/portal/conference-applications" },
  { "POST", "/api/v1/portal/ratings" },
  { "POST", "/api/v1/portal/meeting-registrations" },
  { "POST", "/api/v1/portal/comments" },
  { "GET", "/api/v1/operator/templates" },
  { "POST", "/api/v1/operator/templates/{id}/decision" },
  { "GET", "/api/v1/accreditation/applications" },
  { "POST", "/api/v1/accreditation/applications/{id}/decision" },
  { "PUT", "/api/v1/sync/push" },
  { "GET", "/api/v1/{id}" },
  /* Added last, so the corpus keeps its endpoints. */
  { "POST", "/api/v1/portal/conference-questions" },
  { "POST", "/api/v1/portal/survey-responses" },
  { "PUT", "/api/v1/attachments/{id}" },
  { "GET", "/api/v1/attachments/{id}" },
};

static const char *const upload_types[] = { "text/plain", "application/pdf", "image/png", "application/json" };

static const char *const users[] = { NULL, "admin.edu", "operator", "authorized" };

static AwpServer *server;
static char *dir;
static char *tokens[G_N_ELEMENTS (users)];
static guint64 key_counter;

typedef struct
{
  const char *out;
  gsize       out_len;
  gsize       written;
  GString    *in;
  gboolean    done;
} Exchange;

static gboolean
client_writable (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  Exchange *x = user_data;
  gssize n = send (fd, x->out + x->written, x->out_len - x->written, MSG_NOSIGNAL | MSG_DONTWAIT);

  if (n > 0)
    x->written += n;
  else if (n < 0 && errno != EAGAIN && errno != EINTR)
    x->written = x->out_len;  /* the server closed early (e.g. 413) */
  return x->written < x->out_len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
client_readable (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  Exchange *x = user_data;
  char buf[65536];
  gssize n = recv (fd, buf, sizeof buf, MSG_DONTWAIT);

  if (n > 0)
    {
      g_string_append_len (x->in, buf, n);
      return G_SOURCE_CONTINUE;
    }
  if (n < 0 && (errno == EAGAIN || errno == EINTR))
    return G_SOURCE_CONTINUE;
  x->done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Sends @request (with "Connection: close") and returns the whole answer. */
static GString *
exchange (const char *request,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new_from_string ("127.0.0.1", 8080);
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new_from_string ("127.0.0.1", 40000);
  Exchange x = { request, len, 0, g_string_new (NULL), FALSE };
  guint writer;
  int sv[2];

  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), ==, 0);
  socket = g_socket_new_from_fd (sv[0], &error);
  g_assert_no_error (error);
  conn = g_socket_connection_factory_create_connection (socket);
  g_assert_true (soup_server_accept_iostream (server->soup, G_IO_STREAM (conn), local, remote, &error));
  g_assert_no_error (error);
  writer = g_unix_fd_add (sv[1], G_IO_OUT, client_writable, &x);
  g_unix_fd_add (sv[1], G_IO_IN | G_IO_HUP | G_IO_ERR, client_readable, &x);
  while (!x.done)
    g_main_context_iteration (NULL, TRUE);
  if (x.written < x.out_len)
    g_source_remove (writer);
  close (sv[1]);
  /* Let the server notice the close and drop the connection. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return x.in;
}

static guint
status_of (GString *response)
{
  guint64 status = 0;
  char digits[4] = { 0 };

  if (response->len < 12 || !g_str_has_prefix (response->str, "HTTP/1.1 "))
    return 0;
  memcpy (digits, response->str + 9, 3);
  g_ascii_string_to_unsigned (digits, 10, 100, 599, &status, NULL);
  return status;
}

static const char *
body_of (GString *response)
{
  const char *end = strstr (response->str, "\r\n\r\n");

  return end != NULL ? end + 4 : "";
}

static char *
login (const char *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"demo-2026\"}", username);
  g_autofree char *request = g_strdup_printf ("POST /api/v1/auth/login HTTP/1.1\r\nHost: fuzz\r\n"
                                              "Connection: close\r\nContent-Type: application/json\r\n"
                                              "Content-Length: %zu\r\n\r\n%s", strlen (body), body);
  g_autoptr(GString) response = exchange (request, strlen (request));
  g_autoptr(JsonNode) node = NULL;

  if (status_of (response) != 200)
    return NULL;
  node = json_from_string (body_of (response), NULL);
  g_assert_true (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

static void
cleanup (void)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    g_free (tokens[i]);
  g_clear_object (&server);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("server.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) options = g_key_file_new ();
  g_autofree char *db = NULL;

  dir = g_dir_make_tmp ("awp-fuzz-request-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "server.db", NULL);
  /* Tokens outlive the run; bodies stay small so a run stays fast; the
   * per-request log would drown libFuzzer's own. */
  g_key_file_set_int64 (options, "auth", "access-ttl", G_MAXINT32);
  g_key_file_set_int64 (options, "server", "max-body", 64 * 1024);
  g_key_file_set_boolean (options, "server", "log-requests", FALSE);
  /* Anchored on today (the portal's day, UTC+5), so the demo's conference
   * and survey are open and questions and responses reach the write path. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) kz = g_date_time_add_hours (utc, 5);
    g_autofree char *day = g_date_time_format (kz, "%Y-%m-%d");

    g_key_file_set_string (options, "seed", "date", day);
  }
  server = awp_server_new (db, options, &error);
  g_assert_no_error (error);
  g_assert_true (awp_server_seed_demo (server, &error));
  g_assert_no_error (error);
  for (guint i = 1; i < G_N_ELEMENTS (users); i++)
    {
      tokens[i] = login (users[i]);
      g_assert_nonnull (tokens[i]);
    }
  atexit (cleanup);
}

/* Bytes that would end the request line are escaped; the rest, '%' and
 * invalid escapes included, reach the server's URI and query parsing. */
static void
append_escaped (GString    *s,
                const char *text,
                gsize       len,
                gboolean    path_segment)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (c <= 0x20 || c >= 0x7f || c == '#' || c == '?' || (path_segment && c == '/'))
        g_string_append_printf (s, "%%%02X", c);
      else
        g_string_append_c (s, c);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) request = g_string_new (NULL);
  g_autoptr(GString) response = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *logout_token = NULL;
  const Endpoint *e;
  const char *token, *rest, *id, *query, *body, *nl;
  gsize rest_len, id_len, query_len, body_len;
  const char *brace;
  guint status;

  if (server == NULL)
    setup ();
  if (size < 2)
    return 0;

  e = &endpoints[data[0] % G_N_ELEMENTS (endpoints)];
  token = tokens[data[1] % G_N_ELEMENTS (tokens)];
  /* Logging out revokes the token: use a fresh one, never a shared one. */
  if (token != NULL && g_str_equal (e->path, "/api/v1/auth/logout"))
    token = logout_token = login ("trainer");
  rest = (const char *) data + 2;
  rest_len = size - 2;

  nl = memchr (rest, '\n', rest_len);
  id = rest;
  id_len = nl != NULL ? (gsize) (nl - rest) : rest_len;
  query = nl != NULL ? nl + 1 : rest + rest_len;
  query_len = rest + rest_len - query;
  nl = memchr (query, '\n', query_len);
  body = nl != NULL ? nl + 1 : query + query_len;
  if (nl != NULL)
    query_len = nl - query;
  body_len = rest + rest_len - body;

  g_string_append_printf (request, "%s ", e->method);
  brace = strstr (e->path, "{id}");
  if (brace != NULL && id_len == 4 && memcmp (id, "auto", 4) == 0)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) body, body_len);

      g_string_append_len (request, e->path, brace - e->path);
      g_string_append (request, sha);
      g_string_append (request, brace + 4);
    }
  else if (brace != NULL)
    {
      g_string_append_len (request, e->path, brace - e->path);
      append_escaped (request, id, id_len, TRUE);
      g_string_append (request, brace + 4);
    }
  else
    g_string_append (request, e->path);
  if (query_len > 0)
    {
      g_string_append_c (request, '?');
      append_escaped (request, query, query_len, FALSE);
    }
  g_string_append (request, " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n");
  if (token != NULL)
    g_string_append_printf (request, "Authorization: Bearer %s\r\n", token);
  /* Half the pushes reuse one key, to reach the replay and 422 paths. */
  if (data[1] & 0x80)
    g_string_append (request, "Idempotency-Key: fuzz\r\n");
  else
    g_string_append_printf (request, "Idempotency-Key: fuzz-%" G_GUINT64_FORMAT "\r\n", key_counter++);
  g_string_append_printf (request, "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                          g_str_equal (e->method, "PUT") ? upload_types[(data[1] >> 2) % G_N_ELEMENTS (upload_types)]
                                                         : "application/json", body_len);
  g_string_append_len (request, body, body_len);

  response = exchange (request->str, request->len);
  status = status_of (response);
  if (status == 0 || status >= 500)
    {
      g_printerr ("%s %s: answered %.*s\n", e->method, e->path, (int) MIN (response->len, 400), response->str);
      g_assert_not_reached ();
    }
  /* libsoup itself refuses a path that climbs out with "..", before any
   * handler runs: a bare 400, which is all such a request deserves. */
  if (status == 400 && *body_of (response) == '\0')
    return 0;
  /* A file the caller may download comes back as itself. */
  if (status == 200 && g_str_equal (e->method, "GET") && g_str_has_prefix (e->path, "/api/v1/attachments/"))
    return 0;
  /* Every other answer is JSON; every refusal says why. */
  answer = json_from_string (body_of (response), NULL);
  g_assert_nonnull (answer);
  if (status >= 400)
    {
      JsonNode *err;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
      err = json_object_get_member (json_node_get_object (answer), "error");
      g_assert_true (err != NULL && JSON_NODE_HOLDS_OBJECT (err));
      g_assert_true (json_object_has_member (json_node_get_object (err), "code"));
    }
  return 0;
}
