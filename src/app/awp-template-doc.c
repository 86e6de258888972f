#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "awp-pdf-layout.h"
#include "awp-template-doc.h"
#include "awp-template-form.h"

/* The labels below are the annexes' own wording in both state languages:
 * the document is the same whatever language the user works in, so they
 * are not translated through gettext. */

#define MARGIN      42.0
#define PAD         4.0
#define LABEL_SHARE 0.45
#define FONT        "Sans 9"
#define TITLE_FONT  "Sans Bold 12"

typedef struct
{
  char *label;
  char *value;
} Row;

struct _AwpTemplateDoc
{
  char      *title;
  char      *subtitle;
  GPtrArray *rows;       /* Row */
  GArray    *heights;    /* double, per row, for the last pagination */
  GArray    *breaks;     /* int: first row of each page */
  double     width;
  double     title_height;
};

static void
row_free (gpointer p)
{
  Row *row = p;

  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

static void
add_row (AwpTemplateDoc *doc,
         const char     *label,
         const char     *value)
{
  Row *row = g_new0 (Row, 1);

  row->label = g_strdup (label);
  row->value = g_strdup (value != NULL && value[0] != '\0' ? value : "—");
  g_ptr_array_add (doc->rows, row);
}

static const char *
member (JsonObject *obj,
        const char *name)
{
  return obj ? json_object_get_string_member_with_default (obj, name, "") : "";
}

static void
add_date (AwpTemplateDoc *doc,
          const char     *label,
          JsonObject     *data,
          const char     *name)
{
  g_autofree char *text = awp_template_form_display_date (member (data, name));

  add_row (doc, label, text);
}

/* The three language rows of a trilingual field, labels in kk / ru. */
static void
add_trilingual (AwpTemplateDoc *doc,
                JsonObject     *obj,
                const char     *prefix,
                const char     *kk_label,
                const char     *ru_label)
{
  static const char *const langs[] = { "kk", "ru", "en" };
  static const char *const kk_in[] = { "қазақ тілінде", "орыс тілінде", "ағылшын тілінде (қажет болса)" };
  static const char *const ru_in[] = { "на казахском языке", "на русском языке",
                                       "на английском языке (при необходимости)" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s_%s", prefix, langs[i]);
      g_autofree char *label = g_strdup_printf ("%s %s /\n%s %s", kk_label, kk_in[i], ru_label, ru_in[i]);

      add_row (doc, label, member (obj, name));
    }
}

static void
build_conference (AwpTemplateDoc *doc,
                  JsonObject     *data)
{
  g_autoptr(GString) moderator = g_string_new (NULL);

  doc->title = g_strdup ("Интернет-конференцияның үлгісі / Шаблон интернет-конференции");
  doc->subtitle = g_strdup ("№ 145 Қағидаларға 1-қосымша / Приложение 1 к Правилам № 145");
  add_date (doc, "Ашылу күні /\nДата открытия", data, "opens_on");
  add_date (doc, "Жабылу күні /\nДата закрытия", data, "closes_on");
  add_trilingual (doc, data, "title", "Атауы", "Наименование");
  add_trilingual (doc, data, "brief", "Қысқаша сипаттамасы", "Краткое описание");
  add_trilingual (doc, data, "description", "Сипаттамасы", "Описание");

  {
    const char *parts[] = { member (data, "moderator_surname"), member (data, "moderator_name"),
                            member (data, "moderator_patronymic") };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i][0] != '\0')
        g_string_append_printf (moderator, "%s%s", moderator->len ? " " : "", parts[i]);
  }
  g_string_append_printf (moderator, "\nЖСН / ИИН: %s\n%s\n%s, %s", member (data, "moderator_iin"),
                          member (data, "moderator_position"), member (data, "moderator_email"),
                          member (data, "moderator_phone"));
  add_row (doc,
           "Жауапты тұлға (модератор) – тегі, аты, әкесінің аты (болса), ЖСН, лауазымы, байланыс деректері "
           "(e-mail және телефон нөмірі) /\nОтветственное лицо (модератор) – фамилия, имя, отчество (при наличии), "
           "ИИН, должность, контактные данные (e-mail и номер телефона)",
           moderator->str);
  add_row (doc,
           "Органның қызметін қоғамдық талқылау (№ 118-НҚ бұйрық, 7-тармақ) /\n"
           "Общественное обсуждение деятельности органа (приказ № 118-НҚ, пункт 7)",
           json_object_get_boolean_member_with_default (data, "public_discussion", FALSE) ? "Иә / Да" : "Жоқ / Нет");
}

static void
build_survey (AwpTemplateDoc *doc,
              JsonObject     *data)
{
  JsonNode *node = json_object_get_member (data, "questions");
  JsonArray *questions = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  doc->title = g_strdup ("Сауалнаманың үлгісі / Шаблон опроса");
  doc->subtitle = g_strdup ("№ 145 Қағидаларға 2-қосымша / Приложение 2 к Правилам № 145");
  add_row (doc, "Сауалнама № /\nОпрос №", member (data, "number"));
  add_row (doc, "Санаты /\nКатегория", member (data, "category"));
  add_trilingual (doc, data, "title", "Сауалнаманың атауы", "Наименование опроса");
  add_date (doc, "Іске қосылу күні /\nДата запуска", data, "launch_on");
  add_date (doc, "Жабылу күні /\nДата закрытия", data, "close_on");
  for (guint q = 0; questions != NULL && q < json_array_get_length (questions); q++)
    {
      JsonNode *qn = json_array_get_element (questions, q);
      JsonObject *question = JSON_NODE_HOLDS_OBJECT (qn) ? json_node_get_object (qn) : NULL;
      JsonNode *on = question ? json_object_get_member (question, "options") : NULL;
      JsonArray *options = on != NULL && JSON_NODE_HOLDS_ARRAY (on) ? json_node_get_array (on) : NULL;
      g_autofree char *kk = g_strdup_printf ("№%u сұрақтың атауы", q + 1);
      g_autofree char *ru = g_strdup_printf ("Наименование вопроса №%u", q + 1);
      gboolean multiple = g_strcmp0 (member (question, "choice"), "multiple") == 0;

      add_trilingual (doc, question, "title", kk, ru);
      add_row (doc, "Жауап түрі /\nТип ответа",
               multiple ? "Бірнеше жауап / Несколько ответов" : "Бір жауап / Один ответ");
      for (guint o = 0; options != NULL && o < json_array_get_length (options); o++)
        {
          JsonNode *opt = json_array_get_element (options, o);
          g_autofree char *okk = g_strdup_printf ("№%u жауап нұсқасы", o + 1);
          g_autofree char *oru = g_strdup_printf ("Вариант ответа №%u", o + 1);

          add_trilingual (doc, JSON_NODE_HOLDS_OBJECT (opt) ? json_node_get_object (opt) : NULL, "title", okk, oru);
        }
    }
}

AwpTemplateDoc *
awp_template_doc_new (const char *type,
                      JsonObject *data)
{
  AwpTemplateDoc *doc = g_new0 (AwpTemplateDoc, 1);

  doc->rows = g_ptr_array_new_with_free_func (row_free);
  doc->heights = g_array_new (FALSE, TRUE, sizeof (double));
  doc->breaks = g_array_new (FALSE, TRUE, sizeof (int));
  if (g_strcmp0 (type, "conference") == 0)
    build_conference (doc, data);
  else
    build_survey (doc, data);
  return doc;
}

void
awp_template_doc_free (AwpTemplateDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->subtitle);
  g_ptr_array_unref (doc->rows);
  g_array_unref (doc->heights);
  g_array_unref (doc->breaks);
  g_free (doc);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

int
awp_template_doc_paginate (AwpTemplateDoc *doc,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  double table = width - 2 * MARGIN;
  double label_w = table * LABEL_SHARE - 2 * PAD;
  double value_w = table * (1 - LABEL_SHARE) - 2 * PAD;
  double y;
  int first = 0;

  doc->width = width;
  g_array_set_size (doc->heights, 0);
  g_array_set_size (doc->breaks, 0);
  {
    g_autoptr(PangoLayout) t = awp_pdf_layout_new (cr, TITLE_FONT, doc->title, table);
    g_autoptr(PangoLayout) s = awp_pdf_layout_new (cr, FONT, doc->subtitle, table);

    doc->title_height = layout_height (t) + layout_height (s) + 18;
  }
  g_array_append_val (doc->breaks, first);
  y = MARGIN + doc->title_height;
  for (guint i = 0; i < doc->rows->len; i++)
    {
      Row *row = g_ptr_array_index (doc->rows, i);
      g_autoptr(PangoLayout) l = awp_pdf_layout_new (cr, FONT, row->label, label_w);
      g_autoptr(PangoLayout) v = awp_pdf_layout_new (cr, FONT, row->value, value_w);
      double h = MAX (layout_height (l), layout_height (v)) + 2 * PAD;

      g_array_append_val (doc->heights, h);
      if (y + h > height - MARGIN && (int) i > g_array_index (doc->breaks, int, doc->breaks->len - 1))
        {
          int next = (int) i;

          g_array_append_val (doc->breaks, next);
          y = MARGIN;
        }
      y += h;
    }
  return (int) doc->breaks->len;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
awp_template_doc_draw_page (AwpTemplateDoc *doc,
                            cairo_t        *cr,
                            int             page)
{
  double table = doc->width - 2 * MARGIN;
  double label_w = table * LABEL_SHARE;
  double y = MARGIN;
  int first, last;

  g_return_if_fail (page >= 0 && (guint) page < doc->breaks->len);

  first = g_array_index (doc->breaks, int, page);
  last = (guint) page + 1 < doc->breaks->len ? g_array_index (doc->breaks, int, page + 1) : (int) doc->rows->len;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  if (page == 0)
    {
      g_autoptr(PangoLayout) t = awp_pdf_layout_new (cr, TITLE_FONT, doc->title, table);
      g_autoptr(PangoLayout) s = awp_pdf_layout_new (cr, FONT, doc->subtitle, table);

      pango_layout_set_alignment (t, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (s, PANGO_ALIGN_CENTER);
      show_layout (cr, s, MARGIN, y);
      y += layout_height (s) + 12;
      show_layout (cr, t, MARGIN, y);
      y = MARGIN + doc->title_height;
    }
  for (int i = first; i < last; i++)
    {
      Row *row = g_ptr_array_index (doc->rows, i);
      double h = g_array_index (doc->heights, double, i);
      g_autoptr(PangoLayout) l = awp_pdf_layout_new (cr, FONT, row->label, label_w - 2 * PAD);
      g_autoptr(PangoLayout) v = awp_pdf_layout_new (cr, FONT, row->value, table - label_w - 2 * PAD);

      cairo_rectangle (cr, MARGIN, y, label_w, h);
      cairo_rectangle (cr, MARGIN + label_w, y, table - label_w, h);
      cairo_stroke (cr);
      show_layout (cr, l, MARGIN + PAD, y + PAD);
      show_layout (cr, v, MARGIN + label_w + PAD, y + PAD);
      y += h;
    }
}

gboolean
awp_template_doc_write_pdf (AwpTemplateDoc  *doc,
                            const char      *path,
                            GError         **error)
{
  /* A4 in points. */
  const double width = 595.276, height = 841.89;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  int pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  pages = awp_template_doc_paginate (doc, cr, width, height);
  for (int p = 0; p < pages; p++)
    {
      awp_template_doc_draw_page (doc, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: a file name, then the reason */
                   _("The document “%s” could not be written: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                AwpTemplateDoc    *doc)
{
  int pages = awp_template_doc_paginate (doc, gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (op, pages);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              AwpTemplateDoc    *doc)
{
  awp_template_doc_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

void
awp_template_doc_print (AwpTemplateDoc *doc,
                        GtkWindow      *parent)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, doc->title);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), doc);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), doc);
  /* Runs its own loop until the dialog and the job are done, so @doc lives
   * long enough. */
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing failed: %s", error->message);
}
