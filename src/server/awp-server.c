#include "config.h"

#include <stdio.h>
#include <string.h>

#include "awp-server-attachments.h"
#include "awp-server-auth.h"
#include "awp-attachment-type.h"
#include "awp-server-db.h"
#include "awp-server-fault.h"
#include "awp-server-portal.h"
#include "awp-server-private.h"
#include "awp-server-seed.h"
#include "awp-server-sync.h"

G_DEFINE_QUARK (awp-server-error-quark, awp_server_error)

G_DEFINE_FINAL_TYPE (AwpServer, awp_server, G_TYPE_OBJECT)

typedef enum
{
  ROUTE_PUBLIC,
  ROUTE_AUTH,
} RouteAccess;

typedef struct
{
  const char       *method;
  const char       *template;
  RouteAccess       access;
  AwpServerHandler  handler;
} Route;

static void health (AwpServerRequest *req);

static const Route routes[] = {
  { "GET", "/api/v1/health", ROUTE_PUBLIC, health },
  { "POST", "/api/v1/auth/login", ROUTE_PUBLIC, awp_server_auth_login },
  { "POST", "/api/v1/auth/refresh", ROUTE_PUBLIC, awp_server_auth_refresh },
  { "POST", "/api/v1/auth/logout", ROUTE_AUTH, awp_server_auth_logout },
  { "GET", "/api/v1/auth/me", ROUTE_AUTH, awp_server_auth_me },
  { "POST", "/api/v1/sync/push", ROUTE_AUTH, awp_server_sync_push },
  { "GET", "/api/v1/sync/changes", ROUTE_AUTH, awp_server_sync_changes },
  { "GET", "/api/v1/organizations", ROUTE_AUTH, awp_server_ref_organizations },
  { "GET", "/api/v1/users", ROUTE_AUTH, awp_server_ref_users },
  { "GET", "/api/v1/calendar/years", ROUTE_AUTH, awp_server_ref_calendar },
  { "GET", "/api/v1/rule-sets", ROUTE_AUTH, awp_server_ref_rule_sets },
  { "POST", "/api/v1/portal/requests", ROUTE_PUBLIC, awp_server_portal_request },
  { "POST", "/api/v1/portal/conference-applications", ROUTE_PUBLIC, awp_server_portal_application },
  { "POST", "/api/v1/portal/ratings", ROUTE_PUBLIC, awp_server_portal_rating },
  { "POST", "/api/v1/portal/meeting-registrations", ROUTE_PUBLIC, awp_server_portal_registration },
  { "POST", "/api/v1/portal/comments", ROUTE_PUBLIC, awp_server_portal_comment },
  { "POST", "/api/v1/portal/conference-questions", ROUTE_PUBLIC, awp_server_portal_question },
  { "POST", "/api/v1/portal/survey-responses", ROUTE_PUBLIC, awp_server_portal_survey_response },
  { "GET", "/api/v1/operator/templates", ROUTE_AUTH, awp_server_operator_templates },
  { "POST", "/api/v1/operator/templates/{id}/decision", ROUTE_AUTH, awp_server_operator_decide },
  { "GET", "/api/v1/accreditation/applications", ROUTE_AUTH, awp_server_accreditation_list },
  { "POST", "/api/v1/accreditation/applications/{id}/decision", ROUTE_AUTH, awp_server_accreditation_decide },
  { "PUT", "/api/v1/attachments/{id}", ROUTE_AUTH, awp_server_attachments_put },
  { "GET", "/api/v1/attachments/{id}", ROUTE_AUTH, awp_server_attachments_get },
};

static void
awp_server_finalize (GObject *object)
{
  AwpServer *self = AWP_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->db, awp_server_db_close);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rules);
  g_free (self->dummy_hash);
  g_free (self->fault_plan);
  g_free (self->scale_org);
  G_OBJECT_CLASS (awp_server_parent_class)->finalize (object);
}

static void
awp_server_class_init (AwpServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awp_server_finalize;
}

static void
awp_server_init (AwpServer *self)
{
  self->config.access_ttl = 15 * 60;
  self->config.refresh_ttl = 30 * 24 * 3600;
  self->config.login_free_failures = 3;
  self->config.login_max_delay = 15 * 60;
  self->config.tombstone_retention = 30 * 24 * 3600;
  self->config.max_body = 8 * 1024 * 1024;
  self->config.max_attachment = AWP_ATTACHMENT_DEFAULT_MAX_SIZE;
  self->config.max_batch = 1000;
  self->config.request_timeout = 60;
  self->config.log_requests = TRUE;
}

void
awp_server_reply_text (AwpServerRequest *req,
                       guint             status,
                       const char       *json)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

void
awp_server_reply_json (AwpServerRequest *req,
                       guint             status,
                       JsonNode         *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  awp_server_reply_text (req, status, text);
}

void
awp_server_reply_error (AwpServerRequest *req,
                        guint             status,
                        const char       *code,
                        const char       *message,
                        GPtrArray        *fields)
{
  g_autoptr(JsonNode) node = awp_protocol_error_build (code, message, fields);

  awp_server_reply_json (req, status, node);
}

gboolean
awp_server_require_role (AwpServerRequest *req,
                         guint             roles)
{
  if (req->user != NULL && (roles & AWP_ROLE_BIT (req->user->role)) != 0)
    return TRUE;
  awp_server_reply_error (req, 403, "forbidden", "Your role may not use this endpoint", NULL);
  return FALSE;
}

/* A training server (demo data, demo passwords) says so, so a workstation
 * in training mode joins only such a server (docs/training.md). */
static void
health (AwpServerRequest *req)
{
  if (req->server->training)
    awp_server_reply_text (req, 200, "{\"status\":\"ok\",\"version\":\"" PACKAGE_VERSION "\",\"training\":true}");
  else
    awp_server_reply_text (req, 200, "{\"status\":\"ok\",\"version\":\"" PACKAGE_VERSION "\"}");
}

/* Matches @path against @template; "{id}" takes one segment. */
static gboolean
route_match (const char *template,
             const char *path,
             char      **params)
{
  g_auto(GStrv) t = g_strsplit (template, "/", -1);
  g_auto(GStrv) p = g_strsplit (path, "/", -1);
  guint np = 0;

  if (g_strv_length (t) != g_strv_length (p))
    return FALSE;
  for (guint i = 0; t[i] != NULL; i++)
    {
      if (g_str_equal (t[i], "{id}"))
        {
          if (p[i][0] == '\0' || strlen (p[i]) > 64 || np >= 2)
            return FALSE;
          params[np++] = g_strdup (p[i]);
        }
      else if (!g_str_equal (t[i], p[i]))
        return FALSE;
    }
  return TRUE;
}

static void
log_request (AwpServer         *self,
             const char        *method,
             const char        *route,
             SoupServerMessage *msg,
             gint64             start)
{
  if (!self->config.log_requests)
    return;
  /* Route templates only: no ids, no query, no tokens, no personal data. */
  fprintf (stderr, "awp-server: method=%s route=%s status=%u duration_ms=%.1f\n",
           method, route, soup_server_message_get_status (msg),
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
dispatch (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  AwpServer *self = user_data;
  AwpServerRequest req = { 0 };
  const char *method = soup_server_message_get_method (msg);
  const Route *route = NULL;
  gboolean path_known = FALSE;
  gint64 start = g_get_monotonic_time ();
  GByteArray *buf;
  AwpFault fault;

  req.server = self;
  req.msg = msg;
  req.query = query;
  req.remote = soup_server_message_get_remote_host (msg);

  for (guint i = 0; i < G_N_ELEMENTS (routes) && route == NULL; i++)
    {
      char *params[2] = { NULL, NULL };

      if (!route_match (routes[i].template, path, params))
        continue;
      path_known = TRUE;
      if (g_str_equal (routes[i].method, method))
        {
          route = &routes[i];
          req.params[0] = params[0];
          req.params[1] = params[1];
        }
      else
        {
          g_free (params[0]);
          g_free (params[1]);
        }
    }

  if (route == NULL)
    {
      if (path_known)
        awp_server_reply_error (&req, 405, "method_not_allowed", "This method is not allowed here", NULL);
      else
        awp_server_reply_error (&req, 404, "not_found", "No such endpoint", NULL);
      log_request (self, method, path_known ? "(known)" : "(unknown)", msg, start);
      return;
    }

  buf = g_object_get_data (G_OBJECT (msg), "awp-body");
  if (g_object_get_data (G_OBJECT (msg), "awp-body-too-large") != NULL)
    {
      awp_server_reply_error (&req, 413, "payload_too_large", "The request body is too large", NULL);
      goto out;
    }
  req.raw_body = buf != NULL ? g_bytes_new (buf->data, buf->len) : g_bytes_new (NULL, 0);
  if (g_str_equal (method, "POST") && g_bytes_get_size (req.raw_body) > 0)
    {
      g_autoptr(GError) error = NULL;
      gsize len;
      const char *data = g_bytes_get_data (req.raw_body, &len);

      req.body = awp_protocol_parse (data, len, AWP_PROTOCOL_MAX_DEPTH, &error);
      if (req.body == NULL)
        {
          g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

          g_ptr_array_add (fields, awp_field_error_new ("body", "invalid", error->message));
          awp_server_reply_error (&req, 400,
                                  g_error_matches (error, AWP_PROTOCOL_ERROR, AWP_PROTOCOL_ERROR_TOO_DEEP)
                                  ? "too_deep" : "invalid_json",
                                  "The request body is not acceptable JSON", fields);
          goto out;
        }
    }

  fault = awp_server_fault_take (self, method, path);
  if (fault.kind == AWP_FAULT_STATUS)
    {
      awp_server_fault_reply (&req, &fault);
      goto out;
    }
  if (fault.kind == AWP_FAULT_EXPIRE_TOKEN)
    awp_server_auth_expire_bearer (&req);
  if (route->access == ROUTE_PUBLIC || awp_server_auth_authenticate (&req))
    route->handler (&req);
  awp_server_fault_after (&req, &fault);

out:
  log_request (self, method, route->template, msg, start);
  g_clear_pointer (&req.body, json_node_unref);
  g_clear_pointer (&req.raw_body, g_bytes_unref);
  g_clear_pointer (&req.user, awp_server_user_free);
  g_free (req.params[0]);
  g_free (req.params[1]);
}

/* A client that trickles its request headers (slowloris), stalls in its
 * body, or keeps an idle connection open is cut off after request-timeout
 * seconds: otherwise such sockets pile up until the server runs out of
 * descriptors. The headers get one deadline from the start of the request;
 * each body chunk then restarts it, so a slow but moving upload over a poor
 * mobile link still completes. */
static gboolean
request_too_slow (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
destroy_deadline (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
request_read (SoupServerMessage *msg,
              gpointer           user_data)
{
  g_object_set_data (G_OBJECT (msg), "awp-deadline", NULL);
}

static void
extend_deadline (AwpServer         *self,
                 SoupServerMessage *msg)
{
  GSource *source = g_object_get_data (G_OBJECT (msg), "awp-deadline");

  if (source != NULL)
    g_source_set_ready_time (source, g_get_monotonic_time () + self->config.request_timeout * G_USEC_PER_SEC);
}

static void
request_started (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  AwpServer *self = user_data;
  GSource *source = g_timeout_source_new (self->config.request_timeout * 1000);

  g_source_set_callback (source, request_too_slow, msg, NULL);
  g_source_set_name (source, "[awp-server] request deadline");
  g_source_attach (source, g_main_context_get_thread_default ());
  g_object_set_data_full (G_OBJECT (msg), "awp-deadline", source, destroy_deadline);
  g_signal_connect (msg, "got-body", G_CALLBACK (request_read), NULL);
}

/* Collects the body ourselves so a chunked upload cannot grow past the
 * limit in memory: beyond it the bytes are dropped and dispatch answers 413. */
static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  AwpServer *self = user_data;
  GByteArray *buf = g_object_get_data (G_OBJECT (msg), "awp-body");
  gsize size = g_bytes_get_size (chunk);
  gsize limit = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), "awp-limit"));

  extend_deadline (self, msg);
  if (buf == NULL || g_object_get_data (G_OBJECT (msg), "awp-body-too-large") != NULL)
    return;
  if (buf->len + size > limit)
    {
      g_object_set_data (G_OBJECT (msg), "awp-body-too-large", GINT_TO_POINTER (1));
      g_byte_array_set_size (buf, 0);
      return;
    }
  g_byte_array_append (buf, g_bytes_get_data (chunk, NULL), size);
}

/* Refuses a declared oversize body before reading it. */
static void
early (SoupServer        *soup,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gpointer           user_data)
{
  AwpServer *self = user_data;
  goffset len = soup_message_headers_get_content_length (soup_server_message_get_request_headers (msg));
  /* Attachment uploads have their own, larger limit ([server] max-attachment). */
  gsize limit = awp_server_attachments_limit (self, soup_server_message_get_method (msg), path);

  if (len > (goffset) limit)
    {
      g_autoptr(JsonNode) node = awp_protocol_error_build ("payload_too_large", "The request body is too large", NULL);
      g_autofree char *text = json_to_string (node, FALSE);

      soup_server_message_set_status (msg, 413, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, strlen (text));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      log_request (self, soup_server_message_get_method (msg), "(body too large)", msg, g_get_monotonic_time ());
      return;
    }
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data (G_OBJECT (msg), "awp-limit", GSIZE_TO_POINTER (limit));
  g_object_set_data_full (G_OBJECT (msg), "awp-body", g_byte_array_new (), (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), self);
}

static gboolean
read_int (GKeyFile    *kf,
          const char  *group,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 v;

  if (kf == NULL || !g_key_file_has_key (kf, group, key, NULL))
    return TRUE;
  v = g_key_file_get_int64 (kf, group, key, &local_error);
  if (local_error != NULL || v < min || v > max)
    {
      g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_CONFIG,
                   "[%s] %s: must be an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                   group, key, min, max);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
apply_config (AwpServer  *self,
              GKeyFile   *kf,
              GError    **error)
{
  AwpServerConfig *c = &self->config;
  gint64 free_failures = c->login_free_failures, max_body = c->max_body, max_batch = c->max_batch;
  gint64 request_timeout = c->request_timeout, max_attachment = c->max_attachment;

  if (!read_int (kf, "auth", "access-ttl", 1, G_MAXINT32, &c->access_ttl, error)
      || !read_int (kf, "auth", "refresh-ttl", 1, G_MAXINT32, &c->refresh_ttl, error)
      || !read_int (kf, "auth", "login-free-failures", 0, 1000, &free_failures, error)
      || !read_int (kf, "auth", "login-max-delay", 1, 86400, &c->login_max_delay, error)
      || !read_int (kf, "sync", "tombstone-retention", -1, G_MAXINT32, &c->tombstone_retention, error)
      || !read_int (kf, "sync", "max-batch", 1, 100000, &max_batch, error)
      || !read_int (kf, "server", "max-body", 1024, 64 * 1024 * 1024, &max_body, error)
      || !read_int (kf, "server", "request-timeout", 1, 3600, &request_timeout, error)
      || !read_int (kf, "server", "max-attachment", 1024, 256 * 1024 * 1024, &max_attachment, error))
    return FALSE;
  c->max_attachment = max_attachment;
  c->request_timeout = request_timeout;
  c->login_free_failures = free_failures;
  c->max_body = max_body;
  c->max_batch = max_batch;
  if (kf != NULL && g_key_file_has_key (kf, "seed", "scale-org", NULL))
    self->scale_org = g_key_file_get_string (kf, "seed", "scale-org", NULL);
  g_date_clear (&self->seed_date, 1);
  if (kf != NULL && g_key_file_has_key (kf, "seed", "date", NULL))
    {
      g_autofree char *day = g_key_file_get_string (kf, "seed", "date", NULL);

      if (day == NULL || !awp_calendar_parse_date (day, "date", &self->seed_date, NULL))
        {
          g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_CONFIG,
                       "[seed] date: must be a date YYYY-MM-DD");
          return FALSE;
        }
    }
  if (kf != NULL && g_key_file_has_key (kf, "test", "fault-plan", NULL))
    self->fault_plan = g_key_file_get_string (kf, "test", "fault-plan", NULL);
  if (kf != NULL && g_key_file_has_key (kf, "server", "log-requests", NULL))
    {
      g_autoptr(GError) local_error = NULL;

      c->log_requests = g_key_file_get_boolean (kf, "server", "log-requests", &local_error);
      if (local_error != NULL)
        {
          g_set_error (error, AWP_SERVER_ERROR, AWP_SERVER_ERROR_CONFIG,
                       "[server] log-requests: must be true or false");
          return FALSE;
        }
    }
  return TRUE;
}

AwpServer *
awp_server_new (const char  *db_path,
                GKeyFile    *options,
                GError     **error)
{
  g_autoptr(AwpServer) self = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (AWP_TYPE_SERVER, NULL);
  if (!apply_config (self, options, error))
    return NULL;
  self->db = awp_server_db_open (db_path, error);
  if (self->db == NULL)
    return NULL;
  if (!awp_server_attachments_init (self, error))
    return NULL;
  self->calendar = awp_calendar_new_default (error);
  if (self->calendar == NULL)
    return NULL;
  self->rules = awp_rule_set_new_default (error);
  if (self->rules == NULL)
    return NULL;
  self->dummy_hash = awp_server_auth_hash_password ("no such user", error);
  if (self->dummy_hash == NULL)
    return NULL;
  if (self->config.tombstone_retention >= 0
      && !awp_server_db_purge (self->db, g_get_real_time () / G_USEC_PER_SEC - self->config.tombstone_retention, error))
    return NULL;
  /* Files nothing names, kept as long as tombstones for a late push. */
  if (self->config.tombstone_retention >= 0
      && !awp_server_attachments_purge (self, g_get_real_time () / G_USEC_PER_SEC - self->config.tombstone_retention, error))
    return NULL;

  /* Batch answers are kept a day: long enough for any client's retry. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM idempotency WHERE created_at < %" G_GINT64_FORMAT,
                                            g_get_real_time () / G_USEC_PER_SEC - 24 * 3600);

    if (!awp_server_db_exec (self->db, sql, error))
      return NULL;
  }

  self->soup = soup_server_new ("server-header", "awp-server/" PACKAGE_VERSION, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  soup_server_add_early_handler (self->soup, "/", early, self, NULL);
  soup_server_add_handler (self->soup, "/", dispatch, self, NULL);
  return g_steal_pointer (&self);
}

gboolean
awp_server_set_tls (AwpServer   *self,
                    const char  *cert_file,
                    const char  *key_file,
                    GError     **error)
{
  g_autoptr(GTlsCertificate) cert = NULL;

  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);

  cert = g_tls_certificate_new_from_files (cert_file, key_file, error);
  if (cert == NULL)
    return FALSE;
  g_object_set (self->soup, "tls-certificate", cert, NULL);
  return TRUE;
}

static SoupServerListenOptions
listen_flags (AwpServer *self)
{
  return soup_server_is_https (self->soup) ? SOUP_SERVER_LISTEN_HTTPS : 0;
}

gboolean
awp_server_listen_local (AwpServer  *self,
                         guint       port,
                         GError    **error)
{
  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  return soup_server_listen_local (self->soup, port, SOUP_SERVER_LISTEN_IPV4_ONLY | listen_flags (self), error);
}

gboolean
awp_server_listen_all (AwpServer  *self,
                       guint       port,
                       GError    **error)
{
  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  return soup_server_listen_all (self->soup, port, listen_flags (self), error);
}

char *
awp_server_get_uri (AwpServer *self)
{
  GSList *uris;
  char *s = NULL;

  g_return_val_if_fail (AWP_IS_SERVER (self), NULL);

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    s = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return s;
}

GStrv
awp_server_dup_uris (AwpServer *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GSList *uris;

  g_return_val_if_fail (AWP_IS_SERVER (self), NULL);

  uris = soup_server_get_uris (self->soup);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *text = g_uri_to_string (l->data);

      g_strv_builder_add (b, text);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return g_strv_builder_end (b);
}

void
awp_server_disconnect (AwpServer *self)
{
  g_return_if_fail (AWP_IS_SERVER (self));
  soup_server_disconnect (self->soup);
}

void
awp_server_set_training (AwpServer *self,
                         gboolean   training)
{
  g_return_if_fail (AWP_IS_SERVER (self));
  self->training = training;
}

gboolean
awp_server_get_training (AwpServer *self)
{
  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  return self->training;
}

gboolean
awp_server_seed_demo (AwpServer  *self,
                      GError    **error)
{
  GDate anchor;

  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  awp_server_seed_default_date (self, &anchor);
  if (!awp_server_seed_demo_data (self, &anchor, error))
    return FALSE;
  self->training = TRUE;
  return TRUE;
}

gboolean
awp_server_seed_demo_at (AwpServer    *self,
                         const GDate  *anchor_date,
                         GError      **error)
{
  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  g_return_val_if_fail (anchor_date != NULL && g_date_valid (anchor_date), FALSE);
  if (!awp_server_seed_demo_data (self, anchor_date, error))
    return FALSE;
  self->training = TRUE;
  return TRUE;
}

gboolean
awp_server_seed_requests (AwpServer  *self,
                          guint       count,
                          GError    **error)
{
  GDate anchor;

  g_return_val_if_fail (AWP_IS_SERVER (self), FALSE);
  awp_server_seed_default_date (self, &anchor);
  return awp_server_seed_scale (self, count, &anchor, error);
}
