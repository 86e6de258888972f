#include "config.h"

#include <string.h>

#include "awp-server-auth.h"
#include "awp-server-fault.h"

/* Faults exist for the sync engine's tests (tests/test-sync.c): a real
 * server that misbehaves on cue. The plan is a file so a test can change
 * it between steps without restarting the server. */

static gboolean
parse_line (const char *line,
            const char *method,
            const char *path,
            AwpFault   *fault)
{
  g_auto(GStrv) w = g_strsplit_set (line, " \t", -1);
  guint n = 0;
  guint64 v = 0;

  /* Collapse empty words from repeated blanks. */
  for (guint i = 0; w[i] != NULL; i++)
    if (*w[i] != '\0')
      {
        char *word = w[i];

        w[i] = NULL;
        w[n] = word;
        n++;
      }
    else
      g_clear_pointer (&w[i], g_free);
  w[n] = NULL;
  if (n < 3 || w[0][0] == '#')
    return FALSE;
  if (!g_str_equal (w[0], "*") && !g_str_equal (w[0], method))
    return FALSE;
  if (!g_str_has_prefix (path, w[1]))
    return FALSE;

  memset (fault, 0, sizeof *fault);
  if (g_str_equal (w[2], "status") && n >= 4 && g_ascii_string_to_unsigned (w[3], 10, 400, 599, &v, NULL))
    {
      fault->kind = AWP_FAULT_STATUS;
      fault->status = (guint) v;
      if (n >= 5 && g_ascii_string_to_unsigned (w[4], 10, 0, 3600, &v, NULL))
        fault->seconds = (guint) v;
    }
  else if (g_str_equal (w[2], "truncate"))
    fault->kind = AWP_FAULT_TRUNCATE;
  else if (g_str_equal (w[2], "stall") && n >= 4 && g_ascii_string_to_unsigned (w[3], 10, 0, 3600, &v, NULL))
    {
      fault->kind = AWP_FAULT_STALL;
      fault->seconds = (guint) v;
    }
  else if (g_str_equal (w[2], "expire-token"))
    fault->kind = AWP_FAULT_EXPIRE_TOKEN;
  return fault->kind != AWP_FAULT_NONE;
}

AwpFault
awp_server_fault_take (AwpServer  *server,
                       const char *method,
                       const char *path)
{
  AwpFault fault = { AWP_FAULT_NONE, 0, 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) rest = NULL;
  gboolean taken = FALSE;

  if (server->fault_plan == NULL || !g_file_get_contents (server->fault_plan, &text, NULL, NULL))
    return fault;
  lines = g_strsplit (text, "\n", -1);
  rest = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!taken && parse_line (lines[i], method, path, &fault))
        {
          taken = TRUE;
          continue;
        }
      if (*lines[i] != '\0')
        g_string_append_printf (rest, "%s\n", lines[i]);
    }
  if (taken)
    g_file_set_contents (server->fault_plan, rest->str, (gssize) rest->len, NULL);
  return fault;
}

static const char *
status_code (guint status)
{
  switch (status)
    {
    case 401: return "token_expired";
    case 403: return "forbidden";
    case 408: return "retry";
    case 410: return "cursor_expired";
    case 429: return "too_many_requests";
    case 503: return "retry";
    default:  return status >= 500 ? "internal" : "invalid_json";
    }
}

void
awp_server_fault_reply (AwpServerRequest *req,
                        const AwpFault   *fault)
{
  if (fault->seconds > 0)
    {
      g_autofree char *after = g_strdup_printf ("%u", fault->seconds);

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "Retry-After", after);
    }
  awp_server_reply_error (req, fault->status, status_code (fault->status), "Injected fault (test plan)", NULL);
}

static gboolean
unpause (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

void
awp_server_fault_after (AwpServerRequest *req,
                        const AwpFault   *fault)
{
  if (fault->kind == AWP_FAULT_TRUNCATE)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (req->msg);
      g_autoptr(GBytes) all = soup_message_body_flatten (body);
      gsize len = g_bytes_get_size (all);
      g_autofree char *half = g_strndup (g_bytes_get_data (all, NULL), len / 2);

      soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_COPY, half, len / 2);
    }
  else if (fault->kind == AWP_FAULT_STALL)
    {
      soup_server_message_pause (req->msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, fault->seconds * 1000, unpause,
                          g_object_ref (req->msg), g_object_unref);
    }
}
