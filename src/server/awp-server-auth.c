#include "config.h"

#include <crypt.h>
#include <string.h>
#include <sys/random.h>

#include "awp-json-util.h"
#include "awp-server-auth.h"
#include "awp-server-db.h"

static const char *const role_names[] = { "administrator", "operator", "authorized_body", "trainer" };

const char *
awp_role_to_string (AwpRole role)
{
  return role <= AWP_ROLE_TRAINER ? role_names[role] : "unknown";
}

gboolean
awp_role_from_string (const char *s,
                      AwpRole    *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (s, role_names[i]) == 0)
      {
        *role = (AwpRole) i;
        return TRUE;
      }
  return FALSE;
}

void
awp_server_user_free (AwpServerUser *u)
{
  if (u == NULL)
    return;
  g_free (u->id);
  g_free (u->username);
  g_free (u->org_id);
  g_free (u->full_name);
  g_free (u);
}

char *
awp_server_auth_hash_password (const char  *password,
                               GError     **error)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  g_autofree struct crypt_data *cd = g_new0 (struct crypt_data, 1);
  const char *hash;

  if (crypt_gensalt_rn ("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
    {
      g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_SEED, "password: cannot make a salt");
      return NULL;
    }
  hash = crypt_r (password, salt, cd);
  if (hash == NULL || hash[0] == '*')
    {
      g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_SEED, "password: cannot hash");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
awp_server_auth_check_password (const char *hash,
                                const char *password)
{
  g_autofree struct crypt_data *cd = g_new0 (struct crypt_data, 1);
  const char *out = crypt_r (password, hash, cd);
  gsize len;
  guint diff = 0;

  if (out == NULL || out[0] == '*' || strlen (out) != (len = strlen (hash)))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    diff |= (guchar) out[i] ^ (guchar) hash[i];
  return diff == 0;
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static char *
new_token (void)
{
  guchar raw[32];
  gsize got = 0;
  char *b64;

  while (got < sizeof raw)
    {
      ssize_t n = getrandom (raw + got, sizeof raw - got, 0);

      if (n > 0)
        got += n;
    }
  b64 = g_base64_encode (raw, sizeof raw);
  /* base64url without padding: safe in headers and URLs as is. */
  for (char *p = b64; *p; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
    else if (*p == '=')
      *p = '\0';
  return b64;
}

AwpServerUser *
awp_server_auth_load_user (AwpServer  *server,
                           const char *column,
                           const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, username, org_id, full_name, role FROM users WHERE %s = ?", column);
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, sql, NULL);
  AwpServerUser *u;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  u = g_new0 (AwpServerUser, 1);
  u->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  u->username = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  u->org_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  u->full_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  if (!awp_role_from_string ((const char *) sqlite3_column_text (stmt, 4), &u->role))
    {
      awp_server_user_free (u);
      return NULL;
    }
  return u;
}

JsonNode *
awp_server_user_to_json (const AwpServerUser *u)
{
  JsonObject *o = json_object_new ();
  JsonNode *n = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (o, "id", u->id);
  json_object_set_string_member (o, "username", u->username);
  json_object_set_string_member (o, "full_name", u->full_name);
  json_object_set_string_member (o, "role", awp_role_to_string (u->role));
  json_object_set_string_member (o, "org_id", u->org_id);
  json_node_take_object (n, o);
  return n;
}

static gboolean
store_token (AwpServer  *server,
             const char *token,
             const char *user_id,
             const char *kind,
             gint64      ttl)
{
  g_autofree char *hash = token_hash (token);
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, "INSERT INTO tokens VALUES (?,?,?,?)", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC + ttl);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

/* Looks up a token of @kind; *expired tells a stale one from an unknown one. */
static char *
lookup_token (AwpServer  *server,
              const char *token,
              const char *kind,
              gboolean   *expired)
{
  g_autofree char *hash = token_hash (token);
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db,
                                                        "SELECT user_id, expires_at FROM tokens WHERE hash = ? AND kind = ?", NULL);

  *expired = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (sqlite3_column_int64 (stmt, 1) <= g_get_real_time () / G_USEC_PER_SEC)
    {
      *expired = TRUE;
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
delete_token (AwpServer  *server,
              const char *token)
{
  g_autofree char *hash = token_hash (token);
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, "DELETE FROM tokens WHERE hash = ?", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
}

static void
reply_tokens (AwpServerRequest *req,
              AwpServerUser    *user)
{
  AwpServer *server = req->server;
  g_autofree char *access = new_token ();
  g_autofree char *refresh = new_token ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();

  /* Drop tokens expired a day ago whenever new ones are issued; until
   * then a client still learns "token_expired" rather than "unauthorized". */
  {
    g_autoptr(sqlite3_stmt) purge = awp_server_db_prepare (server->db, "DELETE FROM tokens WHERE expires_at <= ?", NULL);

    if (purge != NULL)
      {
        sqlite3_bind_int64 (purge, 1, now_s () - 24 * 3600);
        sqlite3_step (purge);
      }
  }
  if (!store_token (server, access, user->id, "access", server->config.access_ttl)
      || !store_token (server, refresh, user->id, "refresh", server->config.refresh_ttl))
    {
      awp_server_reply_error (req, 500, "internal", "Could not issue tokens", NULL);
      return;
    }
  json_object_set_string_member (o, "access_token", access);
  json_object_set_string_member (o, "refresh_token", refresh);
  json_object_set_string_member (o, "token_type", "Bearer");
  json_object_set_int_member (o, "expires_in", server->config.access_ttl);
  json_object_set_member (o, "user", awp_server_user_to_json (user));
  json_node_take_object (root, o);
  awp_server_reply_json (req, 200, root);
}

static const char *
body_string (AwpServerRequest *req,
             const char       *member)
{
  if (req->body == NULL || !JSON_NODE_HOLDS_OBJECT (req->body))
    return NULL;
  return awp_json_get_string (json_node_get_object (req->body), member);
}

/* Slows down password guessing per user and address: the first few
 * failures are free, then each one doubles the wait. */
static gint64
login_locked_for (AwpServer  *server,
                  const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db,
                                                        "SELECT locked_until FROM login_failures WHERE key = ?", NULL);
  gint64 until;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  until = sqlite3_column_int64 (stmt, 0);
  return until > now_s () ? until - now_s () : 0;
}

static void
login_record (AwpServer  *server,
              const char *key,
              gboolean    success)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) upd = NULL;
  gint64 count = 0;

  if (success)
    {
      stmt = awp_server_db_prepare (server->db, "DELETE FROM login_failures WHERE key = ?", NULL);
      if (stmt == NULL)
        return;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      return;
    }
  stmt = awp_server_db_prepare (server->db, "SELECT count FROM login_failures WHERE key = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  count++;
  upd = awp_server_db_prepare (server->db, "INSERT OR REPLACE INTO login_failures VALUES (?,?,?)", NULL);
  if (upd == NULL)
    return;
  sqlite3_bind_text (upd, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (upd, 2, count);
  if (count > server->config.login_free_failures)
    {
      gint64 over = count - server->config.login_free_failures - 1;
      gint64 delay = over >= 20 ? server->config.login_max_delay
                                : MIN ((gint64) 1 << over, server->config.login_max_delay);

      sqlite3_bind_int64 (upd, 3, now_s () + delay);
    }
  else
    sqlite3_bind_int64 (upd, 3, 0);
  sqlite3_step (upd);
}

static void
reply_slow_down (AwpServerRequest *req,
                 gint64            seconds)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Retry-After", after);
  awp_server_reply_error (req, 429, "too_many_requests",
                          "Too many failed logins; try again after Retry-After seconds", NULL);
}


/* server->dummy_hash: a real yescrypt hash so an unknown user costs as much as a known one. */

void
awp_server_auth_login (AwpServerRequest *req)
{
  const char *username = body_string (req, "username");
  const char *password = body_string (req, "password");
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  g_autoptr(AwpServerUser) user = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  gint64 locked;
  gboolean good;

  if (username == NULL || *username == '\0' || strlen (username) > 100)
    g_ptr_array_add (fields, awp_field_error_new ("username", "required", "username: required, at most 100 characters"));
  if (password == NULL || *password == '\0' || strlen (password) > 1000)
    g_ptr_array_add (fields, awp_field_error_new ("password", "required", "password: required, at most 1000 characters"));
  if (fields->len > 0)
    {
      awp_server_reply_error (req, 400, "validation_failed", "Login needs a username and a password", fields);
      return;
    }

  key = g_strdup_printf ("%s|%s", username, req->remote != NULL ? req->remote : "");
  locked = login_locked_for (req->server, key);
  if (locked > 0)
    {
      reply_slow_down (req, locked);
      return;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (req->server->db,
                                                          "SELECT password_hash FROM users WHERE username = ?", NULL);
    if (stmt != NULL)
      {
        sqlite3_bind_text (stmt, 1, username, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      }
  }
  good = awp_server_auth_check_password (hash != NULL ? hash : req->server->dummy_hash, password) && hash != NULL;
  if (good)
    user = awp_server_auth_load_user (req->server, "username", username);
  login_record (req->server, key, user != NULL);
  if (user == NULL)
    {
      awp_server_reply_error (req, 401, "invalid_credentials", "Wrong username or password", NULL);
      return;
    }
  reply_tokens (req, user);
}

void
awp_server_auth_refresh (AwpServerRequest *req)
{
  const char *refresh = body_string (req, "refresh_token");
  g_autofree char *user_id = NULL;
  g_autoptr(AwpServerUser) user = NULL;
  gboolean expired;

  if (refresh == NULL)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

      g_ptr_array_add (fields, awp_field_error_new ("refresh_token", "required", "refresh_token: required"));
      awp_server_reply_error (req, 400, "validation_failed", "A refresh token is required", fields);
      return;
    }
  user_id = lookup_token (req->server, refresh, "refresh", &expired);
  if (user_id != NULL)
    user = awp_server_auth_load_user (req->server, "id", user_id);
  if (user == NULL)
    {
      awp_server_reply_error (req, 401, expired ? "token_expired" : "invalid_token",
                              expired ? "The refresh token expired; log in again" : "Unknown refresh token", NULL);
      return;
    }
  /* Rotation: a refresh token is good for one refresh only. */
  delete_token (req->server, refresh);
  reply_tokens (req, user);
}

static const char *
bearer_token (AwpServerRequest *req)
{
  const char *h = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                "Authorization");

  if (h == NULL || g_ascii_strncasecmp (h, "Bearer ", 7) != 0)
    return NULL;
  return h + 7;
}

void
awp_server_auth_expire_bearer (AwpServerRequest *req)
{
  const char *token = bearer_token (req);
  g_autofree char *hash = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (token == NULL)
    return;
  hash = token_hash (token);
  stmt = awp_server_db_prepare (req->server->db, "UPDATE tokens SET expires_at = ? WHERE hash = ? AND kind = 'access'", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC - 1);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
}

gboolean
awp_server_auth_authenticate (AwpServerRequest *req)
{
  const char *token = bearer_token (req);
  g_autofree char *user_id = NULL;
  gboolean expired = FALSE;

  if (token != NULL)
    user_id = lookup_token (req->server, token, "access", &expired);
  if (user_id != NULL)
    req->user = awp_server_auth_load_user (req->server, "id", user_id);
  if (req->user == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "WWW-Authenticate", "Bearer");
      awp_server_reply_error (req, 401, expired ? "token_expired" : "unauthorized",
                              expired ? "The access token expired; refresh it" : "A valid bearer token is required", NULL);
      return FALSE;
    }
  return TRUE;
}

void
awp_server_auth_logout (AwpServerRequest *req)
{
  const char *refresh = body_string (req, "refresh_token");

  delete_token (req->server, bearer_token (req));
  if (refresh != NULL)
    delete_token (req->server, refresh);
  awp_server_reply_text (req, 200, "{\"status\":\"ok\"}");
}

void
awp_server_auth_me (AwpServerRequest *req)
{
  g_autoptr(JsonNode) n = awp_server_user_to_json (req->user);

  awp_server_reply_json (req, 200, n);
}
