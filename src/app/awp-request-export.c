#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "awp-queue-item.h"
#include "awp-request-export.h"
#include "awp-request-format.h"
#include "awp-state-machine.h"

static void
append_field (GString    *line,
              const char *text,
              gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

gboolean
awp_request_export_csv (GListModel     *model,
                        AwpCalendar    *calendar,
                        GOutputStream  *out,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) buffer = g_string_new ("\xEF\xBB\xBF");
  const char *header[] = {
    _("Number"), _("Received"), _("Requester"), _("Subject"), _("Status"),
    _("Deadline"), _("Deadline state"), _("Authentication"), _("Organization"),
  };
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (buffer, header[i], i == 0);
  g_string_append (buffer, "\r\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AwpQueueItem) item = g_list_model_get_item (model, i);
      g_autofree char *received = awp_request_format_date (awp_queue_item_get_received (item));
      g_autofree char *due = awp_request_format_date (awp_queue_item_get_due_on (item));
      g_autofree char *state = NULL;
      AwpDueInfo info;

      awp_request_due_info (calendar, awp_queue_item_get_due_on (item), awp_queue_item_get_closed (item), &info);
      state = awp_request_due_text (&info);
      append_field (buffer, awp_queue_item_get_number (item), TRUE);
      append_field (buffer, received, FALSE);
      append_field (buffer, awp_queue_item_get_requester (item), FALSE);
      append_field (buffer, awp_queue_item_get_subject (item), FALSE);
      append_field (buffer, awp_queue_item_get_status (item) ? awp_request_status_label (awp_queue_item_get_status (item)) : NULL, FALSE);
      append_field (buffer, due, FALSE);
      append_field (buffer, state, FALSE);
      append_field (buffer, awp_request_auth_label (awp_queue_item_get_auth_method (item)), FALSE);
      append_field (buffer, awp_queue_item_get_org (item), FALSE);
      g_string_append (buffer, "\r\n");
      /* Written in pieces: a million-row view never sits in memory whole. */
      if (buffer->len > 64 * 1024 || i + 1 == n)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }
    }
  if (buffer->len > 0 && !g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  return g_output_stream_close (out, cancellable, error);
}
