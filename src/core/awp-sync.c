#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "awp-attachment.h"
#include "awp-backoff.h"
#include "awp-json-util.h"
#include "awp-outbox.h"
#include "awp-protocol.h"
#include "awp-secret.h"
#include "awp-store-private.h"
#include "awp-sync.h"

G_DEFINE_QUARK (awp-sync-error-quark, awp_sync_error)

/* Retries inside a cycle wait at most this long for a Retry-After. */
#define MAX_INLINE_WAIT_MS 30000

struct _AwpSync
{
  char        *base;          /* no trailing slash */
  char        *username;
  SoupSession *session;
  GRand       *rand;
  char        *access;
  char        *refresh;
  guint        max_attempts;
  guint        batch_size;
  guint        page_size;
  guint64      retry_after_ms;
  gboolean     use_keyring;
  char        *role;          /* from the login answer's user, or NULL */
  char        *org_id;
};

/* One answer: the status and, for a JSON body, the parsed node. */
typedef struct
{
  guint     status;
  JsonNode *json;
  char     *code;     /* error.code of a non-2xx answer */
  char     *message;  /* error.message */
  GBytes   *raw;      /* a 2xx answer's bytes, when raw_ok */
  gboolean  raw_ok;   /* set by the caller: a 2xx answer is a file, not JSON */
  char     *raw_type; /* its Content-Type */
} Reply;

static void
reply_clear (Reply *r)
{
  g_clear_pointer (&r->json, json_node_unref);
  g_clear_pointer (&r->code, g_free);
  g_clear_pointer (&r->message, g_free);
  g_clear_pointer (&r->raw, g_bytes_unref);
  g_clear_pointer (&r->raw_type, g_free);
  r->status = 0;
}

AwpSync *
awp_sync_new (const char *server_url,
              const char *username)
{
  AwpSync *self;

  g_return_val_if_fail (server_url != NULL && username != NULL, NULL);

  self = g_new0 (AwpSync, 1);
  self->base = g_strdup (server_url);
  while (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
  self->username = g_strdup (username);
  self->session = soup_session_new_with_options ("timeout", 30, "user-agent", "awp/" PACKAGE_VERSION, NULL);
  self->rand = g_rand_new ();
  self->max_attempts = 4;
  self->batch_size = 500;
  self->page_size = 1000;
  self->use_keyring = TRUE;
  return self;
}

void
awp_sync_free (AwpSync *self)
{
  if (self == NULL)
    return;
  g_free (self->base);
  g_free (self->username);
  g_free (self->role);
  g_free (self->org_id);
  g_clear_object (&self->session);
  g_rand_free (self->rand);
  /* Tokens are secrets: do not leave them in freed memory. */
  if (self->access != NULL)
    memset (self->access, 0, strlen (self->access));
  if (self->refresh != NULL)
    memset (self->refresh, 0, strlen (self->refresh));
  g_free (self->access);
  g_free (self->refresh);
  g_free (self);
}

const char *
awp_sync_get_server_url (AwpSync *self)
{
  return self->base;
}

const char *
awp_sync_get_username (AwpSync *self)
{
  return self->username;
}

const char *
awp_sync_get_role (AwpSync *self)
{
  return self->role ? self->role : "administrator";
}

const char *
awp_sync_get_org_id (AwpSync *self)
{
  return self->org_id;
}

gboolean
awp_sync_load_identity (AwpSync   *self,
                        AwpStore  *store,
                        GError   **error)
{
  g_autofree char *role = NULL;
  g_autofree char *org = NULL;

  if (!awp_store_get_identity (store, &role, &org, error))
    return FALSE;
  if (role != NULL)
    {
      g_free (self->role);
      self->role = g_steal_pointer (&role);
    }
  if (org != NULL)
    {
      g_free (self->org_id);
      self->org_id = g_steal_pointer (&org);
    }
  return TRUE;
}

/* Only what a server answer named: the "administrator" fallback is not kept. */
gboolean
awp_sync_save_identity (AwpSync   *self,
                        AwpStore  *store,
                        GError   **error)
{
  g_autofree char *role = NULL;
  g_autofree char *org = NULL;

  if (self->role == NULL)
    return TRUE;
  if (!awp_store_get_identity (store, &role, &org, error))
    return FALSE;
  if (g_strcmp0 (role, self->role) == 0 && g_strcmp0 (org, self->org_id) == 0)
    return TRUE;
  return awp_store_set_identity (store, self->role, self->org_id, error);
}

void
awp_sync_set_timeout (AwpSync *self,
                      guint    seconds)
{
  g_object_set (self->session, "timeout", seconds, NULL);
}

void
awp_sync_set_max_attempts (AwpSync *self,
                           guint    attempts)
{
  self->max_attempts = MAX (attempts, 1);
}

void
awp_sync_set_batch_size (AwpSync *self,
                         guint    mutations)
{
  self->batch_size = CLAMP (mutations, 1, 1000);
}

void
awp_sync_set_page_size (AwpSync *self,
                        guint    changes)
{
  self->page_size = CLAMP (changes, 1, 1000);
}

void
awp_sync_set_use_keyring (AwpSync  *self,
                          gboolean  use_keyring)
{
  self->use_keyring = use_keyring;
}

gboolean
awp_sync_set_tls_ca_file (AwpSync     *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GTlsDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *absolute = NULL;

  if (path == NULL)
    {
      soup_session_set_tls_database (self->session, NULL);  /* the system's */
      return TRUE;
    }
  /* glib-networking takes only absolute anchor paths. */
  absolute = g_canonicalize_filename (path, NULL);
  db = g_tls_file_database_new (absolute, &local_error);
  if (db == NULL)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE,
                   _("Cannot read the CA file “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  soup_session_set_tls_database (self->session, db);
  return TRUE;
}

guint64
awp_sync_get_retry_after (AwpSync *self)
{
  return self->retry_after_ms;
}

/* Waits @ms, waking early when cancelled. */
static gboolean
wait_ms (guint64        ms,
         GCancellable  *cancellable,
         GError       **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  gint64 now;

  while ((now = g_get_monotonic_time ()) < end)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep ((gulong) MIN (50000, end - now));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Sends one request; FALSE only when no answer came (network, timeout,
 * cancelled) or a 2xx answer could not be read (cut short). */
static gboolean
send_once (AwpSync       *self,
           const char    *method,
           const char    *path,
           GBytes        *body,
           const char    *body_type,
           const char    *idempotency_key,
           gboolean       with_token,
           Reply         *reply,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *url = g_strconcat (self->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  const char *after;
  gsize len = 0;
  const char *data;

  reply_clear (reply);
  if (msg == NULL)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                   _("The server address “%s” is not valid"), self->base);
      return FALSE;
    }
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", reply->raw_ok ? "*/*" : "application/json");
  if (with_token && self->access != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->access, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", idempotency_key);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, body_type != NULL ? body_type : "application/json", body);
  /* A large file waits for the server's go-ahead: one it will refuse (too
   * large, no longer signed in) is not sent in vain over a slow link. */
  if (body != NULL && body_type != NULL && g_bytes_get_size (body) > 1024 * 1024)
    soup_message_headers_set_expectations (headers, SOUP_EXPECTATION_CONTINUE);

  answer = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (answer == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      /* An untrusted certificate is no network trouble: retrying cannot
       * help, and the person has to decide whether to trust it. */
      else if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE)
               || g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_CERTIFICATE_REQUIRED))
        g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE,
                     _("The certificate of %s is not trusted (%s). If it is your organization’s own "
                       "certificate, name it or its CA as the trusted CA file"),
                     self->base, local_error->message);
      else if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_UNAVAILABLE))
        g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_CERTIFICATE,
                     _("This system cannot make secure connections (no TLS support installed): %s"),
                     local_error->message);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                     _("The server did not answer in time"));
      else
        g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                     _("Cannot reach the server: %s"), local_error->message);
      return FALSE;
    }

  reply->status = soup_message_get_status (msg);
  self->retry_after_ms = 0;
  after = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
  if (after != NULL)
    awp_http_parse_retry_after (after, NULL, &self->retry_after_ms);

  data = g_bytes_get_data (answer, &len);
  if (reply->raw_ok && reply->status >= 200 && reply->status < 300)
    {
      /* A file: its bytes as they came; the caller checks the hash. */
      reply->raw = g_bytes_ref (answer);
      reply->raw_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
      return TRUE;
    }
  if (len > 0)
    reply->json = awp_protocol_parse (data, (gssize) len, AWP_PROTOCOL_MAX_DEPTH, NULL);
  if (reply->status >= 200 && reply->status < 300)
    {
      if (reply->json == NULL || !JSON_NODE_HOLDS_OBJECT (reply->json))
        {
          /* Most likely cut short on the way: nothing was applied here, and
           * the server keeps its answer for the replay. */
          g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                       _("The server’s answer was incomplete"));
          return FALSE;
        }
    }
  else if (reply->json != NULL)
    awp_protocol_error_parse (reply->json, &reply->code, &reply->message, NULL);
  return TRUE;
}

static gboolean store_tokens (AwpSync       *self,
                              JsonNode      *tokens,
                              GCancellable  *cancellable,
                              GError       **error);

/* Exchanges the refresh token once (it dies with the exchange). */
static gboolean
refresh_tokens (AwpSync       *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) body = NULL;
  Reply reply = { 0 };
  gboolean ok;

  if (self->refresh == NULL)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                   _("The session has ended; sign in again"));
      return FALSE;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "refresh_token");
  json_builder_add_string_value (b, self->refresh);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  body = g_bytes_new (text, strlen (text));
  ok = send_once (self, "POST", "/api/v1/auth/refresh", body, NULL, NULL, FALSE, &reply, cancellable, error);
  if (ok && reply.status != 200)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                   _("The session has ended; sign in again"));
      ok = FALSE;
    }
  if (ok)
    ok = store_tokens (self, reply.json, cancellable, error);
  reply_clear (&reply);
  return ok;
}

/* Sends a request until it is answered: NETWORK failures are retried
 * with backoff (Retry-After wins), a 401 refreshes the token once. Any
 * answer but a retryable one is returned for the caller to judge. */
static gboolean
request_typed (AwpSync       *self,
               const char    *method,
               const char    *path,
               GBytes        *body,
               const char    *body_type,
               const char    *idempotency_key,
               Reply         *reply,
               GCancellable  *cancellable,
               GError       **error)
{
  gboolean refreshed = FALSE;

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (send_once (self, method, path, body, body_type, idempotency_key, TRUE, reply, cancellable, &local_error))
        {
          switch (awp_http_classify_status (reply->status))
            {
            case AWP_HTTP_OK:
            case AWP_HTTP_RESYNC:
            case AWP_HTTP_FATAL:
              return TRUE;
            case AWP_HTTP_REAUTH:
              if (!refreshed)
                {
                  refreshed = TRUE;
                  if (!refresh_tokens (self, cancellable, error))
                    {
                      reply_clear (reply);
                      return FALSE;
                    }
                  attempt--;  /* a refresh is not a failed try */
                  continue;
                }
              g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                           _("The server no longer accepts this sign-in; sign in again"));
              reply_clear (reply);
              return FALSE;
            case AWP_HTTP_RETRY:
            default:
              g_set_error (&local_error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                           _("The server is not able to answer now (HTTP %u)"), reply->status);
              break;
            }
        }
      if (!g_error_matches (local_error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK)
          || attempt + 1 >= self->max_attempts)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          reply_clear (reply);
          return FALSE;
        }
      /* A long wait is the engine's to schedule, not a blocked cycle's. */
      if (self->retry_after_ms > MAX_INLINE_WAIT_MS)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          reply_clear (reply);
          return FALSE;
        }
      g_debug ("sync: %s %s failed (%s); retrying", method, path, local_error->message);
      if (!wait_ms (awp_backoff_delay_ms (attempt, self->retry_after_ms, self->rand), cancellable, error))
        {
          reply_clear (reply);
          return FALSE;
        }
    }
}

static gboolean
request (AwpSync       *self,
         const char    *method,
         const char    *path,
         GBytes        *body,
         const char    *idempotency_key,
         Reply         *reply,
         GCancellable  *cancellable,
         GError       **error)
{
  return request_typed (self, method, path, body, NULL, idempotency_key, reply, cancellable, error);
}

/* A FATAL answer as an error for the person: 403 is a permission, the
 * rest a broken exchange. */
static void
set_fatal (Reply   *reply,
           GError **error)
{
  if (reply->status == 403)
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN,
                 _("Your account may not do this (%s)"), reply->code ? reply->code : "forbidden");
  else
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                 _("The server refused the exchange (HTTP %u, %s)"), reply->status,
                 reply->code ? reply->code : "?");
}

static gboolean
store_tokens (AwpSync       *self,
              JsonNode      *tokens,
              GCancellable  *cancellable,
              GError       **error)
{
  JsonObject *o = tokens != NULL && JSON_NODE_HOLDS_OBJECT (tokens) ? json_node_get_object (tokens) : NULL;
  const char *access = o ? awp_json_get_string (o, "access_token") : NULL;
  const char *refresh = o ? awp_json_get_string (o, "refresh_token") : NULL;
  g_autoptr(GError) local_error = NULL;

  if (access == NULL || refresh == NULL)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                   _("The server sent no tokens"));
      return FALSE;
    }
  g_free (self->access);
  g_free (self->refresh);
  self->access = g_strdup (access);
  self->refresh = g_strdup (refresh);
  /* The login and refresh answers name the user's role (openapi TokenPair). */
  if (json_object_has_member (o, "user") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "user")))
    {
      JsonObject *user = json_object_get_object_member (o, "user");
      const char *role = awp_json_get_string (user, "role");
      const char *org = awp_json_get_string (user, "org_id");

      if (role != NULL)
        {
          g_free (self->role);
          self->role = g_strdup (role);
        }
      if (org != NULL)
        {
          g_free (self->org_id);
          self->org_id = g_strdup (org);
        }
    }
  if (!self->use_keyring)
    return TRUE;
  if (!awp_secret_store (self->base, self->username, AWP_SECRET_ACCESS_TOKEN, access, cancellable, &local_error)
      || !awp_secret_store (self->base, self->username, AWP_SECRET_REFRESH_TOKEN, refresh, cancellable, &local_error))
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_KEYRING,
                   _("Signed in, but the sign-in cannot be kept: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_sync_sign_in (AwpSync       *self,
                  const char    *password,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) body = NULL;
  Reply reply = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL && password != NULL, FALSE);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "username");
  json_builder_add_string_value (b, self->username);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, password);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  body = g_bytes_new (text, strlen (text));
  memset (text, 0, strlen (text));

  if (!send_once (self, "POST", "/api/v1/auth/login", body, NULL, NULL, FALSE, &reply, cancellable, error))
    return FALSE;
  if (reply.status == 200)
    ok = store_tokens (self, reply.json, cancellable, error);
  else if (reply.status == 401)
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                 _("The user name or the password is wrong"));
  else if (reply.status == 429)
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                 _("Too many failed sign-ins; try again in %u s"),
                 (guint) MAX (1, (self->retry_after_ms + 999) / 1000));
  else if (awp_http_classify_status (reply.status) == AWP_HTTP_RETRY)
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                 _("The server is not able to answer now (HTTP %u)"), reply.status);
  else
    set_fatal (&reply, error);
  reply_clear (&reply);
  return ok;
}

gboolean
awp_sync_has_tokens (AwpSync       *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->access != NULL && self->refresh != NULL)
    return TRUE;
  if (!self->use_keyring)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                   _("Sign in to %s first"), self->base);
      return FALSE;
    }
  g_clear_pointer (&self->access, g_free);
  g_clear_pointer (&self->refresh, g_free);
  self->access = awp_secret_lookup (self->base, self->username, AWP_SECRET_ACCESS_TOKEN, cancellable, &local_error);
  if (self->access != NULL)
    self->refresh = awp_secret_lookup (self->base, self->username, AWP_SECRET_REFRESH_TOKEN, cancellable, &local_error);
  if (self->refresh != NULL)
    return TRUE;
  g_clear_pointer (&self->access, g_free);
  if (g_error_matches (local_error, AWP_SECRET_ERROR, AWP_SECRET_ERROR_UNAVAILABLE))
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_KEYRING, "%s", local_error->message);
  else
    g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_UNAUTHORIZED,
                 _("Sign in to %s first"), self->base);
  return FALSE;
}

gboolean
awp_sync_sign_out (AwpSync       *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_clear_pointer (&self->access, g_free);
  g_clear_pointer (&self->refresh, g_free);
  if (!self->use_keyring)
    return TRUE;
  return awp_secret_clear (self->base, self->username, cancellable, error);
}

/* ---- push ---------------------------------------------------------- */

static JsonNode *
entry_to_json (AwpOutboxEntry *e)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  JsonNode *n;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mutation_id");
  json_builder_add_string_value (b, e->mutation_id);
  json_builder_set_member_name (b, "entity_type");
  json_builder_add_string_value (b, e->entity_type);
  json_builder_set_member_name (b, "entity_id");
  json_builder_add_string_value (b, e->entity_id);
  json_builder_set_member_name (b, "op");
  json_builder_add_string_value (b, e->op);
  if (!g_str_equal (e->op, "create"))
    {
      json_builder_set_member_name (b, "base_version");
      json_builder_add_int_value (b, e->base_version);
    }
  json_builder_set_member_name (b, "patch");
  n = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (n, e->patch);
  json_builder_add_value (b, n);
  json_builder_set_member_name (b, "base_values");
  n = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (n, e->base_values);
  json_builder_add_value (b, n);
  if (e->group != NULL)
    {
      /* Applied by the server all or none (docs/sync.md "Groups"). */
      json_builder_set_member_name (b, "group");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e->group);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, e->group_size);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Mutations a kill left in flight go back to pending: the server keeps
 * every answer by mutation_id, so sending them again applies nothing twice. */
static gboolean
recover_inflight (AwpStore  *store,
                  GError   **error)
{
  g_autoptr(GPtrArray) stuck = awp_outbox_list (store, "inflight", error);

  if (stuck == NULL)
    return FALSE;
  for (guint i = 0; i < stuck->len; i++)
    {
      AwpOutboxEntry *e = stuck->pdata[i];

      if (!awp_outbox_mark_retry (store, e->mutation_id, "interrupted", error))
        return FALSE;
    }
  return TRUE;
}

/* The whole batch in one statement (awp_outbox_mark_batch). */
static gboolean
mark_batch (AwpStore    *store,
            GPtrArray   *batch,
            gboolean     inflight,
            const char  *last_error,
            GError     **error)
{
  return awp_outbox_mark_batch (store, batch, inflight, last_error, error);
}

static JsonArray *
field_errors_json (GPtrArray *errors)
{
  JsonArray *a = json_array_new ();

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      AwpFieldError *fe = errors->pdata[i];
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "field", fe->field);
      json_object_set_string_member (o, "code", fe->code);
      json_object_set_string_member (o, "message", fe->message);
      json_array_add_object_element (a, o);
    }
  return a;
}

typedef struct
{
  char *field;   /* "attachments[1]", "results.attachments[0]" */
  char *id;
  char *name;
  char *mime;
} Upload;

static void
upload_free (Upload *u)
{
  g_free (u->field);
  g_free (u->id);
  g_free (u->name);
  g_free (u->mime);
  g_free (u);
}

static void
collect_uploads (const char *path,
                 JsonArray  *array,
                 gpointer    user_data)
{
  GPtrArray *out = user_data;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(AwpAttachment) a = awp_attachment_from_json (json_array_get_element (array, i));
      Upload *u;

      if (a == NULL)
        continue;
      u = g_new0 (Upload, 1);
      u->field = g_strdup_printf ("%s[%u]", path, i);
      u->id = g_strdup (a->id);
      u->name = g_strdup (a->name);
      u->mime = g_strdup (a->mime);
      g_ptr_array_add (out, u);
    }
}

/* A rejection only for files the server lacks, though this store sent them
 * (the server dropped them, or was restored from a backup): when the bytes
 * are here, they are marked to be sent again and the change goes back to
 * pending under a new id, once; a second such answer is a rejection like
 * any other. */
static gboolean
resend_missing_files (AwpStore          *store,
                      AwpOutboxEntry    *e,
                      AwpMutationResult *r)
{
  g_autoptr(GPtrArray) files = NULL;
  gboolean any = FALSE;

  if (r->errors == NULL || r->errors->len == 0 || e->patch == NULL
      || g_strcmp0 (e->last_error, "attachment_missing") == 0)
    return FALSE;
  for (guint i = 0; i < r->errors->len; i++)
    if (g_strcmp0 (((AwpFieldError *) r->errors->pdata[i])->code, "attachment_missing") != 0)
      return FALSE;
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
  awp_attachment_foreach_array (e->patch, collect_uploads, files);
  for (guint i = 0; i < files->len; i++)
    any |= awp_attachment_forget_uploaded (store, ((Upload *) files->pdata[i])->id, NULL);
  return any;
}

static gboolean
apply_result (AwpStore          *store,
              AwpOutboxEntry    *e,
              AwpMutationResult *r,
              AwpSyncStats      *stats,
              GError           **error)
{
  switch (r->status)
    {
    case AWP_RESULT_APPLIED:
      stats->applied++;
      stats->merged += r->merged;
      return awp_outbox_mark_acked_entry (store, e, r->new_version, error);
    case AWP_RESULT_CONFLICT:
      {
        g_autoptr(JsonArray) fields = json_array_new ();

        stats->conflicts++;
        for (guint i = 0; r->fields != NULL && r->fields[i] != NULL; i++)
          json_array_add_string_element (fields, r->fields[i]);
        return awp_outbox_mark_conflict (store, e->mutation_id, r->server_version,
                                         r->server_deleted ? NULL : r->server_data, fields, error);
      }
    case AWP_RESULT_REJECTED:
      {
        g_autoptr(JsonArray) errors = field_errors_json (r->errors);

        if (resend_missing_files (store, e, r))
          {
            stats->pushed--;  /* sent again in this cycle, after its files */
            return awp_outbox_mark_resend (store, e->mutation_id, "attachment_missing", error);
          }
        stats->rejected++;
        if (json_array_get_length (errors) == 0)
          {
            JsonObject *o = json_object_new ();

            json_object_set_string_member (o, "field", "");
            json_object_set_string_member (o, "code", r->code ? r->code : "rejected");
            json_object_set_string_member (o, "message", r->code ? r->code : "rejected");
            json_array_add_object_element (errors, o);
          }
        return awp_outbox_mark_rejected (store, e->mutation_id, errors, error);
      }
    case AWP_RESULT_RETRY:
    default:
      stats->pushed--;
      return awp_outbox_mark_retry (store, e->mutation_id, "retry", error);
    }
}

/* The next batch: oldest pending first, one mutation per record so each
 * is sent on the version its predecessor's answer gave it. A group goes
 * whole in one batch (it may make the batch a little larger than @size),
 * once each of its mutations is the first unsent change of its record;
 * until then its records wait with it. */
static GPtrArray *
next_batch (AwpStore  *store,
            guint      size,
            GError   **error)
{
  g_autoptr(GPtrArray) pending = awp_outbox_list_pending (store, size, error);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) batch = NULL;

  if (pending == NULL)
    return NULL;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_outbox_entry_free);
  for (guint i = 0; i < pending->len; i++)
    {
      AwpOutboxEntry *e = pending->pdata[i];
      g_autoptr(GPtrArray) members = NULL;
      gboolean ready = FALSE;

      if (e->group == NULL)
        {
          if (g_hash_table_contains (seen, e->entity_id))
            continue;
          g_hash_table_add (seen, g_strdup (e->entity_id));
          g_ptr_array_add (batch, g_steal_pointer (&pending->pdata[i]));
          continue;
        }
      if (g_hash_table_contains (groups, e->group))
        continue;
      g_hash_table_add (groups, g_strdup (e->group));
      members = awp_outbox_list_group (store, e->group, &ready, error);
      if (members == NULL)
        return NULL;
      for (guint j = 0; j < members->len && ready; j++)
        ready = !g_hash_table_contains (seen, ((AwpOutboxEntry *) members->pdata[j])->entity_id);
      for (guint j = 0; j < members->len; j++)
        {
          AwpOutboxEntry *m = members->pdata[j];

          g_hash_table_add (seen, g_strdup (m->entity_id));
          if (ready)
            g_ptr_array_add (batch, g_steal_pointer (&members->pdata[j]));
        }
    }
  return g_steal_pointer (&batch);
}

/* ---- attachments --------------------------------------------------- */

/* Sends one file the server does not have yet: TRUE when it has it now,
 * FALSE with *@refused set (a field error for the mutation) when the
 * server will never take it, FALSE with @error when it could not be sent. */
static gboolean
upload_one (AwpSync       *self,
            AwpStore      *store,
            Upload        *u,
            JsonObject   **refused,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GBytes) bytes = awp_attachment_read (store, u->id, error);
  g_autofree char *path = NULL;
  Reply reply = { 0 };
  const char *code;
  char *msg;

  if (bytes == NULL)
    return FALSE;
  path = g_strconcat ("/api/v1/attachments/", u->id, NULL);
  /* The hash is the idempotency: the same PUT twice stores one file. */
  if (!request_typed (self, "PUT", path, bytes, u->mime, NULL, &reply, cancellable, error))
    return FALSE;
  if (reply.status == 200 || reply.status == 201)
    {
      reply_clear (&reply);
      return awp_attachment_mark_uploaded (store, u->id, error);
    }
  switch (reply.status)
    {
    case 413:
      {
        g_autofree char *size = awp_attachment_format_size (g_bytes_get_size (bytes));

        code = "payload_too_large";
        msg = g_strdup_printf (_("The server does not take “%s”: at %s it is larger than it allows"), u->name, size);
      }
      break;
    case 415:
      code = "unsupported_type";
      msg = g_strdup_printf (_("The server does not take “%s”: not a kind of file it accepts"), u->name);
      break;
    case 400:
    case 422:
      code = reply.status == 422 ? "hash_mismatch" : "invalid";
      msg = g_strdup_printf (_("The server does not take “%s”: the file here is damaged"), u->name);
      break;
    default:
      set_fatal (&reply, error);
      reply_clear (&reply);
      return FALSE;
    }
  reply_clear (&reply);
  *refused = json_object_new ();
  json_object_set_string_member (*refused, "field", u->field);
  json_object_set_string_member (*refused, "code", code);
  json_object_set_string_member (*refused, "message", msg);
  g_free (msg);
  return FALSE;
}

/* Before a batch is pushed, the files its mutations name and the server
 * lacks are uploaded (one PUT each). A mutation with a file the server
 * refuses is rejected here with that file's field error, as the server
 * would reject it, and leaves the batch. */
static gboolean
upload_for_batch (AwpSync       *self,
                  AwpStore      *store,
                  GPtrArray     *batch,
                  AwpSyncStats  *stats,
                  GCancellable  *cancellable,
                  GError       **error)
{
  for (guint i = 0; i < batch->len;)
    {
      AwpOutboxEntry *e = batch->pdata[i];
      g_autoptr(GPtrArray) uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
      g_autoptr(JsonArray) refused = json_array_new ();

      if (e->patch != NULL)
        awp_attachment_foreach_array (e->patch, collect_uploads, uploads);
      for (guint k = 0; k < uploads->len; k++)
        {
          Upload *u = uploads->pdata[k];
          JsonObject *why = NULL;

          if (!awp_attachment_needs_upload (store, u->id))
            continue;  /* the server has it, or this store never had it: the push tells */
          if (!upload_one (self, store, u, &why, cancellable, error))
            {
              if (why == NULL)
                return FALSE;
              json_array_add_object_element (refused, why);
            }
        }
      if (json_array_get_length (refused) > 0)
        {
          stats->rejected++;
          if (!awp_outbox_mark_rejected (store, e->mutation_id, refused, error))
            return FALSE;
          g_ptr_array_remove_index (batch, i);
          continue;
        }
      i++;
    }
  return TRUE;
}

gboolean
awp_sync_fetch_attachment (AwpSync       *self,
                           AwpStore      *store,
                           const char    *id,
                           const char    *name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *path = NULL;
  Reply reply = { 0 };
  gboolean ok;

  g_return_val_if_fail (self != NULL && AWP_IS_STORE (store), FALSE);

  if (!awp_attachment_id_valid (id))
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL, _("“%s” names no file"), name);
      return FALSE;
    }
  if (awp_attachment_is_local (store, id))
    return TRUE;
  path = g_strconcat ("/api/v1/attachments/", id, NULL);
  reply.raw_ok = TRUE;
  if (!request (self, "GET", path, NULL, NULL, &reply, cancellable, error))
    return FALSE;
  if (reply.status == 404)
    {
      g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_FORBIDDEN,
                   _("The server has no file “%s” for this account"), name);
      reply_clear (&reply);
      return FALSE;
    }
  if (reply.status != 200 || reply.raw == NULL)
    {
      set_fatal (&reply, error);
      reply_clear (&reply);
      return FALSE;
    }
  ok = awp_attachment_store_downloaded (store, id, name, reply.raw_type, reply.raw, error);
  reply_clear (&reply);
  return ok;
}

static gboolean
push (AwpSync       *self,
      AwpStore      *store,
      AwpSyncStats  *stats,
      GCancellable  *cancellable,
      GError       **error)
{
  guint size = self->batch_size;

  if (!recover_inflight (store, error))
    return FALSE;
  for (;;)
    {
      g_autoptr(GPtrArray) batch = next_batch (store, size, error);
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;
      JsonNode *results_node;
      JsonArray *results;
      g_autoptr(GPtrArray) parsed = NULL;
      Reply reply = { 0 };
      guint answered = 0;
      gint64 t0, t1, t2, t3;

      if (batch == NULL)
        return FALSE;
      if (batch->len == 0)
        return TRUE;
      if (!upload_for_batch (self, store, batch, stats, cancellable, error))
        return FALSE;
      if (batch->len == 0)
        continue;  /* every one was rejected over its files: the next ones */

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "client_id");
      json_builder_add_string_value (b, awp_store_get_client_id (store));
      json_builder_set_member_name (b, "schema_version");
      json_builder_add_int_value (b, awp_store_get_schema_version (store));
      json_builder_set_member_name (b, "mutations");
      json_builder_begin_array (b);
      for (guint i = 0; i < batch->len; i++)
        json_builder_add_value (b, entry_to_json (batch->pdata[i]));
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, FALSE);
      /* The same body always carries the same key, so a replay after a lost
       * answer is recognised; any other body gets a new one. */
      key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      body = g_bytes_new (text, strlen (text));

      t0 = g_get_monotonic_time ();
      if (!mark_batch (store, batch, TRUE, NULL, error))
        return FALSE;
      t1 = g_get_monotonic_time ();
      if (!request (self, "POST", "/api/v1/sync/push", body, key, &reply, cancellable, &local_error))
        {
          mark_batch (store, batch, FALSE, local_error->message, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* A group is sent whole: at one, nothing smaller is left to try. */
      if (reply.status == 413 && batch->len > 1 && size > 1)
        {
          /* Halve the batch, as the contract says. */
          size = MAX (1, batch->len / 2);
          reply_clear (&reply);
          if (!mark_batch (store, batch, FALSE, "batch_too_large", error))
            return FALSE;
          continue;
        }
      if (reply.status != 200)
        {
          set_fatal (&reply, &local_error);
          reply_clear (&reply);
          mark_batch (store, batch, FALSE, local_error->message, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      t2 = g_get_monotonic_time ();
      results_node = json_object_get_member (json_node_get_object (reply.json), "results");
      results = results_node && JSON_NODE_HOLDS_ARRAY (results_node) ? json_node_get_array (results_node) : NULL;
      if (results == NULL || json_array_get_length (results) != batch->len)
        {
          reply_clear (&reply);
          g_set_error (&local_error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                       _("The server answered a push with the wrong number of results"));
          mark_batch (store, batch, FALSE, local_error->message, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Read every result first, then apply them in one transaction: fast,
       * and a kill keeps all or none of them (the replay brings the rest). */
      parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_mutation_result_free);
      for (guint i = 0; i < batch->len && local_error == NULL; i++)
        {
          AwpOutboxEntry *e = batch->pdata[i];
          AwpMutationResult *r = awp_mutation_result_from_json (json_array_get_element (results, i), &local_error);

          if (r != NULL && g_strcmp0 (r->mutation_id, e->mutation_id) != 0)
            {
              awp_mutation_result_free (r);
              r = NULL;
            }
          if (r == NULL && local_error == NULL)
            g_set_error (&local_error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                         _("The server answered a push out of order"));
          if (r != NULL)
            g_ptr_array_add (parsed, r);
        }
      reply_clear (&reply);
      if (local_error != NULL)
        {
          if (local_error->domain != AWP_SYNC_ERROR)
            {
              GError *wrapped = g_error_new (AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                                             _("The server’s answer to a push is not valid: %s"),
                                             local_error->message);

              g_clear_error (&local_error);
              local_error = wrapped;
            }
          mark_batch (store, batch, FALSE, local_error->message, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!awp_store_begin (store, error))
        return FALSE;
      if (!awp_store_fts_stage_begin (store, error))
        {
          awp_store_rollback (store);
          return FALSE;
        }
      for (guint i = 0; i < batch->len; i++)
        {
          AwpMutationResult *r = parsed->pdata[i];

          stats->pushed++;
          /* A failure inside has already rolled the whole batch back. */
          if (!apply_result (store, batch->pdata[i], r, stats, error))
            return FALSE;
          answered += r->status != AWP_RESULT_RETRY;
        }
      if (!awp_store_fts_stage_end (store, error))
        {
          awp_store_rollback (store);
          return FALSE;
        }
      if (!awp_store_commit (store, error))
        return FALSE;
      t3 = g_get_monotonic_time ();
      g_debug ("sync: push of %u: %.3f s marking, %.3f s at the server, %.3f s storing answers",
               batch->len, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
      if (answered == 0)
        {
          /* The server asked to retry every one: later, not in a loop. */
          g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_NETWORK,
                       _("The server asked to send the changes again later"));
          return FALSE;
        }
    }
}

/* ---- pull ---------------------------------------------------------- */

/* Pages are fetched by a helper thread a few pages ahead of the one being
 * stored, so the server's time and ours overlap. The helper only sends
 * requests (allowed from any thread since libsoup 3.2); the store is
 * written here, in page order. */

#define PAGES_AHEAD 3
/* Pages stored in one transaction at most: short enough that an edit in
 * the window never waits long for the write lock. */
#define MAX_GROUP 4

typedef struct
{
  Reply    reply;
  GError  *error;
  char    *next;    /* next_cursor */
  gboolean more;    /* has_more */
} Page;

static void
page_free (Page *p)
{
  reply_clear (&p->reply);
  g_clear_error (&p->error);
  g_free (p->next);
  g_free (p);
}

typedef struct
{
  AwpSync      *self;
  char         *cursor;
  GAsyncQueue  *pages;    /* Page, in order */
  GAsyncQueue  *tokens;   /* one per page the helper may fetch ahead */
  GCancellable *cancel;
  GCancellable *outer;
  gulong        outer_id;
  GThread      *thread;
} Fetcher;

static gpointer
fetch_thread (gpointer data)
{
  Fetcher *f = data;
  g_autofree char *cursor = g_strdup (f->cursor);

  for (;;)
    {
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;
      Page *p;
      gboolean go_on;

      g_async_queue_pop (f->tokens);
      if (g_cancellable_is_cancelled (f->cancel))
        break;
      escaped = g_uri_escape_string (cursor ? cursor : "", NULL, FALSE);
      path = g_strdup_printf ("/api/v1/sync/changes?cursor=%s&limit=%u", escaped, f->self->page_size);
      p = g_new0 (Page, 1);
      if (request (f->self, "GET", path, NULL, NULL, &p->reply, f->cancel, &p->error)
          && p->reply.status == 200)
        {
          JsonObject *page = json_node_get_object (p->reply.json);
          JsonNode *changes = json_object_get_member (page, "changes");

          p->next = g_strdup (json_object_get_string_member_with_default (page, "next_cursor", NULL));
          p->more = json_object_get_boolean_member_with_default (page, "has_more", FALSE);
          if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes) || p->next == NULL)
            g_set_error (&p->error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                         _("The server sent a page of changes without changes or a cursor"));
        }
      go_on = p->error == NULL && p->reply.status == 200 && p->more;
      if (go_on)
        {
          g_free (cursor);
          cursor = g_strdup (p->next);
        }
      g_async_queue_push (f->pages, p);
      if (!go_on)
        break;
    }
  return NULL;
}

static void
cancel_fetcher (GCancellable *outer,
                gpointer      data)
{
  g_cancellable_cancel (data);
}

static Fetcher *
fetcher_start (AwpSync      *self,
               const char   *cursor,
               GCancellable *outer)
{
  Fetcher *f = g_new0 (Fetcher, 1);

  f->self = self;
  f->cursor = g_strdup (cursor);
  f->pages = g_async_queue_new_full ((GDestroyNotify) page_free);
  f->tokens = g_async_queue_new ();
  f->cancel = g_cancellable_new ();
  if (outer != NULL)
    {
      f->outer = g_object_ref (outer);
      f->outer_id = g_cancellable_connect (outer, G_CALLBACK (cancel_fetcher), f->cancel, NULL);
    }
  for (guint i = 0; i < PAGES_AHEAD; i++)
    g_async_queue_push (f->tokens, GINT_TO_POINTER (1));
  f->thread = g_thread_new ("awp-sync-fetch", fetch_thread, f);
  return f;
}

static void
fetcher_stop (Fetcher *f)
{
  g_cancellable_cancel (f->cancel);
  g_async_queue_push (f->tokens, GINT_TO_POINTER (1));
  g_thread_join (f->thread);
  if (f->outer != NULL)
    {
      g_cancellable_disconnect (f->outer, f->outer_id);
      g_object_unref (f->outer);
    }
  g_object_unref (f->cancel);
  g_async_queue_unref (f->pages);
  g_async_queue_unref (f->tokens);
  g_free (f->cursor);
  g_free (f);
}

/* Applies pages from @f until the last; FALSE with @error, or TRUE with
 * *expired when the server said 410. */
static gboolean
apply_pages (AwpSync              *self,
             AwpStore             *store,
             Fetcher              *f,
             GHashTable           *seen,
             AwpSyncStats         *stats,
             AwpSyncProgressFunc   progress,
             gpointer              user_data,
             gboolean             *expired,
             GError              **error)
{
  gint64 total = -1;
  guint done = 0, grouped = 0;
  gint64 t0, t_wait = 0, t_apply = 0;

  /* Pages already waiting are stored together (up to MAX_GROUP, each with its
   * cursor as ever): fewer commits, the same all-or-nothing per group. */
#define END_GROUP() \
  G_STMT_START { \
    if (grouped > 0 && !awp_store_commit (store, error)) \
      return FALSE; \
    grouped = 0; \
  } G_STMT_END
#define FAIL_GROUP() \
  G_STMT_START { \
    if (grouped > 0) \
      awp_store_rollback (store); \
    return FALSE; \
  } G_STMT_END

  *expired = FALSE;
  for (;;)
    {
      Page *p;
      JsonObject *page;
      JsonArray *changes;
      gboolean more;

      if (grouped > 0 && (grouped >= MAX_GROUP || g_async_queue_length (f->pages) <= 0))
        END_GROUP ();
      t0 = g_get_monotonic_time ();
      p = g_async_queue_pop (f->pages);
      t_wait += g_get_monotonic_time () - t0;
      if (p->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&p->error));
          page_free (p);
          FAIL_GROUP ();
        }
      if (p->reply.status == 410)
        {
          page_free (p);
          END_GROUP ();
          *expired = TRUE;
          return TRUE;
        }
      if (p->reply.status != 200)
        {
          set_fatal (&p->reply, error);
          page_free (p);
          FAIL_GROUP ();
        }
      page = json_node_get_object (p->reply.json);
      changes = json_object_get_array_member (page, "changes");
      if (seen != NULL)
        for (guint i = 0; i < json_array_get_length (changes); i++)
          {
            JsonNode *c = json_array_get_element (changes, i);
            const char *id = JSON_NODE_HOLDS_OBJECT (c)
                             ? json_object_get_string_member_with_default (json_node_get_object (c), "id", NULL) : NULL;

            if (id != NULL)
              g_hash_table_add (seen, g_strdup (id));
          }
      t0 = g_get_monotonic_time ();
      if (grouped == 0 && !awp_store_begin (store, error))
        {
          page_free (p);
          return FALSE;
        }
      grouped++;
      if (!awp_outbox_apply_pull (store, changes, p->next, error))
        {
          /* Its own rollback has undone the whole group. */
          page_free (p);
          return FALSE;
        }
      t_apply += g_get_monotonic_time () - t0;
      g_async_queue_push (f->tokens, GINT_TO_POINTER (1));
      done += json_array_get_length (changes);
      stats->pulled += json_array_get_length (changes);
      if (total < 0)
        total = (gint64) done + json_object_get_int_member_with_default (page, "remaining", 0);
      more = p->more;
      page_free (p);
      if (progress != NULL)
        progress (!more || total <= 0 ? 1.0 : MIN (1.0, (double) done / (double) total), user_data);
      if (!more)
        break;
    }
  END_GROUP ();
#undef END_GROUP
#undef FAIL_GROUP
  g_debug ("sync: pulled %u changes; %.3f s waiting for pages, %.3f s storing",
           done, t_wait / 1e6, t_apply / 1e6);
  return TRUE;
}

static gboolean
pull (AwpSync              *self,
      AwpStore             *store,
      AwpSyncStats         *stats,
      AwpSyncProgressFunc   progress,
      gpointer              user_data,
      GCancellable         *cancellable,
      GError              **error)
{
  g_autofree char *cursor = awp_outbox_get_cursor (store, NULL);
  g_autoptr(GHashTable) seen = NULL;  /* ids of a full re-download */

  for (;;)
    {
      Fetcher *f = fetcher_start (self, cursor, cancellable);
      gboolean expired = FALSE;
      gboolean ok;
      /* The first download into an empty store is one bulk transaction:
       * the queue indexes are built once at the end instead of updated
       * row by row. A kill starts it over; nothing half-loaded remains. */
      gboolean bulk = cursor == NULL && awp_store_count (store, NULL, NULL) == 0;

      if (bulk && (!awp_store_begin (store, error) || !awp_store_bulk_begin (store, error)))
        {
          if (awp_store_in_transaction (store))
            awp_store_rollback (store);
          fetcher_stop (f);
          return FALSE;
        }
      ok = apply_pages (self, store, f, seen, stats, progress, user_data, &expired, error);
      if (bulk && ok)
        ok = awp_store_bulk_end (store, error) && awp_store_commit (store, error);
      else if (bulk && awp_store_in_transaction (store))
        awp_store_rollback (store);
      fetcher_stop (f);
      if (!ok)
        return FALSE;
      if (!expired)
        break;
      if (seen != NULL)
        {
          g_set_error (error, AWP_SYNC_ERROR, AWP_SYNC_ERROR_PROTOCOL,
                       _("The server refused even a full download"));
          return FALSE;
        }
      /* The cursor is past retention: download everything again; the
       * outbox stays, and records are rebuilt as base + local edits. */
      g_debug ("sync: cursor expired; downloading everything again");
      stats->resynced = TRUE;
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_clear_pointer (&cursor, g_free);
    }
  /* Records the server no longer has (their tombstones expired) go too,
   * unless a local change still waits for them. */
  if (seen != NULL && !awp_outbox_forget_unseen (store, seen, error))
    return FALSE;
  return TRUE;
}

/* The directory of organizations (GET /api/v1/organizations, names are
 * public) kept as local "organization" records: the forward dialog picks
 * the competent holder from them (O145-4.2). They are not in the change
 * feed, so they come once into a store that has none (or after a full
 * re-download dropped them), stored like pulled records, never sent. */
static gboolean
pull_organizations (AwpSync       *self,
                    AwpStore      *store,
                    AwpSyncStats  *stats,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *cursor = NULL;
  g_autoptr(JsonArray) changes = NULL;
  Reply reply = { 0 };
  JsonArray *items;
  gboolean ok;

  if (awp_store_count (store, "organization", NULL) > 0)
    return TRUE;
  cursor = awp_outbox_get_cursor (store, NULL);
  if (cursor == NULL)
    return TRUE;
  if (!request (self, "GET", "/api/v1/organizations", NULL, NULL, &reply, cancellable, error))
    return FALSE;
  if (reply.status != 200)
    {
      set_fatal (&reply, error);
      reply_clear (&reply);
      return FALSE;
    }
  items = reply.json != NULL && JSON_NODE_HOLDS_OBJECT (reply.json)
          ? json_object_get_array_member (json_node_get_object (reply.json), "items") : NULL;
  changes = json_array_new ();
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *org = json_array_get_object_element (items, i);
      JsonObject *change = json_object_new ();
      JsonObject *data = json_object_new ();
      const char *fields[] = { "kind", "name_kk", "name_ru", "bin" };

      if (org == NULL || !json_object_has_member (org, "id"))
        {
          json_object_unref (change);
          json_object_unref (data);
          continue;
        }
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (json_object_get_string_member_with_default (org, fields[f], NULL) != NULL)
          json_object_set_string_member (data, fields[f], json_object_get_string_member (org, fields[f]));
      json_object_set_string_member (change, "entity_type", "organization");
      json_object_set_string_member (change, "id", json_object_get_string_member (org, "id"));
      json_object_set_int_member (change, "version", 1);
      json_object_set_boolean_member (change, "deleted", FALSE);
      json_object_set_object_member (change, "data", data);
      json_array_add_object_element (changes, change);
    }
  ok = awp_outbox_apply_pull (store, changes, cursor, error);
  if (ok)
    stats->pulled += json_array_get_length (changes);
  reply_clear (&reply);
  return ok;
}

gboolean
awp_sync_run (AwpSync              *self,
              AwpStore             *store,
              AwpSyncStats         *stats,
              AwpSyncProgressFunc   progress,
              gpointer              user_data,
              GCancellable         *cancellable,
              GError              **error)
{
  AwpSyncStats local = { 0 };

  g_return_val_if_fail (self != NULL && AWP_IS_STORE (store), FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  if (!awp_sync_has_tokens (self, cancellable, error))
    return FALSE;
  return push (self, store, stats, cancellable, error)
         && pull (self, store, stats, progress, user_data, cancellable, error)
         && pull_organizations (self, store, stats, cancellable, error);
}

gboolean
awp_sync_push (AwpSync       *self,
               AwpStore      *store,
               AwpSyncStats  *stats,
               GCancellable  *cancellable,
               GError       **error)
{
  AwpSyncStats local = { 0 };

  g_return_val_if_fail (self != NULL && AWP_IS_STORE (store), FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  return awp_sync_has_tokens (self, cancellable, error)
         && push (self, store, stats, cancellable, error);
}

char *
awp_sync_default_store_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kz.opendialog.Workstation", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "awp.db", NULL);
}
