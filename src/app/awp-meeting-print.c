#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <adwaita.h>

#include "awp-meeting-print.h"
#include "awp-meeting-store.h"

typedef struct
{
  char        *text;
  PangoLayout *layout;
  int          lines_per_page;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_free (job->text);
  g_clear_object (&job->layout);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int n_lines, line_height;
  PangoRectangle logical;

  g_clear_object (&job->layout);
  job->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (job->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (job->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (job->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (job->layout, job->text, -1);

  n_lines = pango_layout_get_line_count (job->layout);
  pango_layout_line_get_extents (pango_layout_get_line_readonly (job->layout, 0), NULL, &logical);
  line_height = MAX (1, logical.height / PANGO_SCALE);
  job->lines_per_page = MAX (1, (int) (height / line_height));
  gtk_print_operation_set_n_pages (operation, MAX (1, (n_lines + job->lines_per_page - 1) / job->lines_per_page));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int n_lines = pango_layout_get_line_count (job->layout);
  int first = page * job->lines_per_page;
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int i = first; i < MIN (n_lines, first + job->lines_per_page); i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (job->layout, i);
      PangoRectangle logical;
      int baseline;

      pango_layout_line_get_extents (line, NULL, &logical);
      baseline = -logical.y;
      cairo_move_to (cr, logical.x / (double) PANGO_SCALE, y + baseline / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += logical.height / (double) PANGO_SCALE;
    }
}

gboolean
awp_meeting_print_text (GtkWindow   *parent,
                        const char  *job_name,
                        const char  *text,
                        const char  *pdf_path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkPrintOperationResult result;

  g_return_val_if_fail (text != NULL, FALSE);

  job->text = g_strdup (text);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "awp-print-job", job, (GDestroyNotify) print_job_free);
  {
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
    g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

    gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    gtk_print_operation_set_default_page_setup (operation, setup);
  }
  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
append_person (GString    *out,
               guint       n,
               JsonObject *record)
{
  JsonObject *data = json_object_get_object_member (record, "data");
  const char *received = json_object_get_string_member_with_default (data, "received_on", "");
  GDate day;
  g_autofree char *received_text = NULL;

  if (awp_calendar_parse_date (received, "received_on", &day, NULL))
    received_text = awp_calendar_format_date (&day);
  /* TRANSLATORS: number, full name, year of birth, contact, date received */
  g_string_append_printf (out, _("%u. %s, %d, %s, received %s"), n,
                          json_object_get_string_member_with_default (data, "requester", ""),
                          (int) json_object_get_int_member_with_default (data, "birth_year", 0),
                          json_object_get_string_member_with_default (data, "contact", ""),
                          received_text ? received_text : received);
  if (json_object_get_boolean_member_with_default (data, "late", FALSE))
    g_string_append_printf (out, " — %s", _("late application"));
  g_string_append_printf (out, "\n    %s ____________________\n", _("Signature"));
}

char *
awp_meeting_participants_text (AwpStore    *store,
                               const char  *meeting_id,
                               GError     **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, meeting_id, error);
  g_autoptr(AwpSeatPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *data;
  GDate date;

  if (record == NULL)
    return NULL;
  plan = awp_meeting_seat_plan (store, meeting_id, NULL, error);
  if (plan == NULL)
    return NULL;
  data = json_object_get_object_member (record, "data");
  g_string_append_printf (out, "%s\n\n", _("List of participants of the open meeting"));
  g_string_append_printf (out, "%s\n%s\n", json_object_get_string_member_with_default (data, "body", ""),
                          json_object_get_string_member_with_default (data, "title", ""));
  if (awp_meeting_get_date (data, &date))
    {
      g_autofree char *day = awp_calendar_format_day (&date);

      g_string_append_printf (out, "%s %s, %s\n", day, json_object_get_string_member_with_default (data, "time", ""),
                              json_object_get_string_member_with_default (data, "place", ""));
    }
  /* TRANSLATORS: seats taken, seats prepared (Rules No. 605-NK, para. 10) */
  g_string_append_printf (out, _("Seats: %u of %u taken (Rules No. 605-NK, para. 10)"), plan->seated->len, plan->capacity);
  g_string_append (out, "\n\n");
  for (guint i = 0; i < plan->seated->len; i++)
    append_person (out, i + 1, plan->seated->pdata[i]);
  if (plan->waiting->len > 0)
    {
      g_string_append_printf (out, "\n%s\n\n", _("Waiting list"));
      for (guint i = 0; i < plan->waiting->len; i++)
        append_person (out, i + 1, plan->waiting->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  AwpStore *store;
  GStrv     ids;
  GtkWindow *parent;
} SaveIcs;

static void
save_ics_free (SaveIcs *job)
{
  g_clear_object (&job->store);
  g_strfreev (job->ids);
  g_clear_object (&job->parent);
  g_free (job);
}

static void
on_ics_chosen (GtkNativeDialog *dialog,
               int              response,
               SaveIcs         *job)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = awp_meeting_export_ics (job->store, (const char * const *) job->ids, &error);

      if (text == NULL
          || !g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          GtkWidget *message = adw_message_dialog_new (job->parent, _("The calendar file was not saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  save_ics_free (job);
  g_object_unref (dialog);
}

void
awp_meeting_save_ics (GtkWindow          *parent,
                      AwpStore           *store,
                      const char * const *ids,
                      const char         *suggested_name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export to Calendar"), parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveIcs *job = g_new0 (SaveIcs, 1);

  job->store = g_object_ref (store);
  job->ids = g_strdupv ((char **) ids);
  job->parent = parent ? g_object_ref (parent) : NULL;
  gtk_file_filter_set_name (filter, _("Calendar (iCalendar, .ics)"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_ics_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
