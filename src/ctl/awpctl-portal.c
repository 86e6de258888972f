#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "awp-protocol.h"
#include "awpctl-commands.h"

/* awpctl portal: what a citizen does on the portal, for demos and tests.
 * Prints the new record's id on success. Exit codes: 0 accepted; 1 the
 * server refused or could not be reached; 2 a usage error. */

typedef struct
{
  const char *name;
  const char *path;
  const char *summary;
  /* option long name, JSON member, required, description */
  const char *options[6][3];
} PortalAction;

static const PortalAction actions[] = {
  { "submit-request", "/api/v1/portal/requests", N_("Send a blog request to an organization"),
    { { "subject", "subject", "1" }, { "text", "text", "1" }, { "name", "author_name", "" },
      { "contact", "author_contact", "" }, { "lang", "lang", "" }, { NULL } } },
  { "submit-application", "/api/v1/portal/conference-applications", N_("Apply for a conference topic"),
    { { "subject", "subject", "1" }, { "text", "text", "1" }, { "name", "requester", "" },
      { "contact", "author_contact", "" }, { "lang", "lang", "" }, { NULL } } },
  { "rate", "/api/v1/portal/ratings", N_("Rate an answer: like or dislike (a dislike needs a reason)"),
    { { "request", "request_id", "1" }, { "value", "value", "1" }, { "reason", "reason", "" }, { NULL } } },
  { "register", "/api/v1/portal/meeting-registrations", N_("Register for an open meeting"),
    { { "meeting", "meeting_id", "1" }, { "name", "name", "1" }, { "contact", "contact", "" }, { NULL } } },
  { "comment", "/api/v1/portal/comments", N_("Comment on an open meeting’s broadcast"),
    { { "meeting", "meeting_id", "1" }, { "text", "text", "1" }, { "name", "author_name", "" }, { NULL } } },
  { "ask", "/api/v1/portal/conference-questions", N_("Ask a question during an Internet conference open today"),
    { { "conference", "conference_id", "1" }, { "text", "text", "1" }, { "author", "author_name", "" }, { NULL } } },
  { "respond", "/api/v1/portal/survey-responses",
    N_("Answer a running survey: --answers lists the chosen options (from 0) per question, “0;1,2”"),
    { { "survey", "survey_id", "1" }, { "answers", "answers", "1" }, { NULL } } },
};

#define PORTAL_USAGE "submit-request|submit-application|rate|register|comment|ask|respond --server URL --org ORG …"

/* Field error codes of the API, in the user's language. */
static const char *
field_code_text (const char *code)
{
  static const struct { const char *code; const char *text; } texts[] = {
    { "required", N_("required") },
    { "type", N_("wrong type") },
    { "too_long", N_("too long") },
    { "range", N_("out of range") },
    { "invalid", N_("not valid") },
    { "unknown_field", N_("unknown field") },
    { "not_found", N_("not found") },
    { "deadline", N_("violates a statutory deadline") },
    { "date_order", N_("dates in the wrong order") },
    { "not_published", N_("not published") },
    { "not_open", N_("not open today") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i].code, code) == 0)
      return _(texts[i].text);
  return code;
}

static void
print_refusal (guint       status,
               GBytes     *body)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  if (data != NULL && len > 0)
    node = awp_protocol_parse (data, len, AWP_PROTOCOL_MAX_DEPTH, NULL);
  if (node == NULL || !awp_protocol_error_parse (node, &code, NULL, &fields))
    {
      g_printerr (_("awpctl: the server answered HTTP %u\n"), status);
      return;
    }
  g_printerr (_("awpctl: the server refused the submission (%s)\n"), code);
  for (guint i = 0; i < fields->len; i++)
    {
      AwpFieldError *e = g_ptr_array_index (fields, i);

      g_printerr ("  %s: %s\n", e->field, field_code_text (e->code));
    }
}

/* "0;1,2": the chosen options per question, as [[0],[1,2]]; FALSE when
 * something is not an option number. */
static gboolean
add_answers (JsonBuilder *b,
             const char  *text)
{
  g_auto(GStrv) questions = g_strsplit (text, ";", -1);

  json_builder_begin_array (b);
  for (guint q = 0; questions[q] != NULL; q++)
    {
      g_auto(GStrv) picks = g_strsplit (questions[q], ",", -1);

      json_builder_begin_array (b);
      for (guint i = 0; picks[i] != NULL; i++)
        {
          g_autofree char *pick = g_strstrip (g_strdup (picks[i]));
          guint64 n;

          if (pick[0] == '\0' && picks[1] == NULL)
            break;  /* nothing chosen: the server names the question */
          if (!g_ascii_string_to_unsigned (pick, 10, 0, 999, &n, NULL))
            return FALSE;
          json_builder_add_int_value (b, (gint64) n);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static int
run_action (const PortalAction *action,
            int                 argc,
            char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *org = NULL;
  g_autofree char *key = NULL;
  char *values[6] = { NULL };
  GOptionEntry entries[10] = { { NULL } };
  guint n = 0;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GBytes) request_body = NULL;
  int rc = 0;

  entries[n++] = (GOptionEntry) { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("Server base URL"), "URL" };
  entries[n++] = (GOptionEntry) { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Organization id"), "ORG" };
  entries[n++] = (GOptionEntry) { "idempotency-key", 0, 0, G_OPTION_ARG_STRING, &key,
                                  N_("Send again with the same key to submit only once"), "KEY" };
  for (guint i = 0; action->options[i][0] != NULL; i++)
    entries[n++] = (GOptionEntry) { action->options[i][0], 0, 0, G_OPTION_ARG_STRING, &values[i], NULL, NULL };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(action->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1)
    {
      g_printerr ("awpctl: %s\n", error != NULL ? error->message : _("unexpected arguments"));
      rc = 2;
      goto out;
    }
  if (server == NULL || org == NULL)
    {
      g_printerr (_("awpctl: %s needs --server and --org\n"), action->name);
      rc = 2;
      goto out;
    }
  for (guint i = 0; action->options[i][0] != NULL; i++)
    if (action->options[i][2][0] == '1' && values[i] == NULL)
      {
        g_printerr (_("awpctl: %s needs --%s\n"), action->name, action->options[i][0]);
        rc = 2;
        goto out;
      }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "org");
  json_builder_add_string_value (b, org);
  for (guint i = 0; action->options[i][0] != NULL; i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (b, action->options[i][1]);
        if (!g_str_equal (action->options[i][1], "answers"))
          json_builder_add_string_value (b, values[i]);
        else if (!add_answers (b, values[i]))
          {
            g_printerr (_("awpctl: --answers: option numbers from 0, “,” between options, “;” between questions, as in “0;1,2”\n"));
            rc = 2;
            goto out;
          }
      }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);

  url = g_strconcat (server, g_str_has_suffix (server, "/") ? action->path + 1 : action->path, NULL);
  msg = soup_message_new ("POST", url);
  if (msg == NULL)
    {
      g_printerr (_("awpctl: --server: not a valid URL\n"));
      rc = 2;
      goto out;
    }
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  request_body = g_bytes_new_static (json, strlen (json));
  soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
  session = soup_session_new_with_options ("timeout", 30, "user-agent", "awpctl/" PACKAGE_VERSION, NULL);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  if (reply == NULL)
    {
      g_printerr (_("awpctl: cannot reach the server: %s\n"), error->message);
      rc = 1;
      goto out;
    }
  if (soup_message_get_status (msg) == 201)
    {
      gsize len;
      const char *data = g_bytes_get_data (reply, &len);
      g_autoptr(JsonNode) rec = awp_protocol_parse (data, len, AWP_PROTOCOL_MAX_DEPTH, NULL);

      if (rec != NULL && JSON_NODE_HOLDS_OBJECT (rec))
        {
          JsonObject *o = json_node_get_object (rec);
          JsonNode *dn = json_object_get_member (o, "data");
          JsonObject *d = dn != NULL && JSON_NODE_HOLDS_OBJECT (dn) ? json_node_get_object (dn) : NULL;

          /* A survey response: the survey and how many have answered. */
          if (json_object_has_member (o, "respondents"))
            {
              g_print ("%s %" G_GINT64_FORMAT "\n", json_object_get_string_member_with_default (o, "survey_id", ""),
                       json_object_get_int_member (o, "respondents"));
              goto out;
            }
          /* Machine-readable: the id, then the due date when one applies. */
          g_print ("%s", json_object_get_string_member_with_default (o, "id", ""));
          if (d != NULL && json_object_has_member (d, "due_on"))
            g_print (" %s", json_object_get_string_member (d, "due_on"));
          /* The server's number of a request or application (O145-4, O145-10). */
          if (d != NULL && json_object_has_member (d, "number"))
            g_print (" %s", json_object_get_string_member (d, "number"));
          g_print ("\n");
          goto out;
        }
    }
  print_refusal (soup_message_get_status (msg), reply);
  rc = 1;

out:
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
  return rc;
}

int
awpctl_cmd_portal (int    argc,
                   char **argv)
{
  if (argc < 2)
    return awpctl_usage_error (argv[0], PORTAL_USAGE);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i].name))
      return run_action (&actions[i], argc - 1, argv + 1);
  return awpctl_usage_error (argv[0], PORTAL_USAGE);
}
