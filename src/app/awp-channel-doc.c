#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "awp-attachment-type.h"
#include "awp-calendar.h"
#include "awp-channel-doc.h"
#include "awp-registry.h"

/* The wording below is Annex 1 of Order 93 itself (ru) and its Kazakh
 * text: the document reads the same whatever the UI language, so these
 * are not gettext strings. */

#define MARGIN 56.0
#define GAP    6.0

typedef struct
{
  const char *font;
  char       *text;
  double      indent;
  PangoAlignment align;
} Block;

struct _AwpChannelDoc
{
  char      *title;
  GPtrArray *blocks;   /* Block */
  GArray    *heights;  /* double */
  GArray    *breaks;   /* int: first block of each page */
  double     width;
};

static void
block_free (gpointer p)
{
  Block *b = p;

  g_free (b->text);
  g_free (b);
}

static void
add (AwpChannelDoc  *doc,
     const char     *font,
     double          indent,
     PangoAlignment  align,
     const char     *text)
{
  Block *b = g_new0 (Block, 1);

  b->font = font;
  b->text = g_strdup (text);
  b->indent = indent;
  b->align = align;
  g_ptr_array_add (doc->blocks, b);
}

static const char *
member (JsonObject *o, const char *name)
{
  return json_object_get_string_member_with_default (o, name, "");
}

/* A label of the form, then the applicant's text under it (a line when empty). */
static void
add_item (AwpChannelDoc *doc,
          const char    *label,
          const char    *value)
{
  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT, label);
  add (doc, "Serif Italic 11", 18, PANGO_ALIGN_LEFT,
       value != NULL && value[0] != '\0' ? value : "________________________________________");
}

static AwpChannelDoc *
doc_new (const char *title)
{
  AwpChannelDoc *doc = g_new0 (AwpChannelDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->heights = g_array_new (FALSE, TRUE, sizeof (double));
  doc->breaks = g_array_new (FALSE, TRUE, sizeof (int));
  doc->title = g_strdup (title);
  return doc;
}

/* The annex's reference at the top right (@annex: 1-3, 0 for none, a
 * free-form document) and the title. */
static void
add_head (AwpChannelDoc *doc,
          gboolean       kk,
          guint          annex,
          gboolean       form)
{
  if (annex > 0)
    {
      g_autofree char *ref = NULL;

      if (kk)
        ref = g_strdup_printf ("Мемлекеттік органдардың халықпен коммуникация арналарының тізілімін қалыптастыру "
                               "және жүргізу,\nсондай-ақ оларды аккредиттеу қағидаларына %u-қосымша%s",
                               annex, form ? "\nНысан" : "");
      else
        ref = g_strdup_printf ("Приложение %u к Правилам формирования и ведения реестра,\nа также аккредитации "
                               "каналов коммуникаций\nгосударственных органов с населением%s",
                               annex, form ? "\nФорма" : "");
      add (doc, "Serif 9", 0, PANGO_ALIGN_RIGHT, ref);
    }
  add (doc, "Serif Bold 13", 0, PANGO_ALIGN_CENTER, doc->title);
}

/* "To" and "From" lines. */
static void
add_parties (AwpChannelDoc *doc,
             gboolean       kk,
             const char    *to,
             const char    *from)
{
  g_autofree char *to_line = g_strdup_printf (kk ? "Ұсынылатын уәкілетті орган: %s" : "Представляется в: %s",
                                              to != NULL && to[0] != '\0' ? to : "________________________");
  g_autofree char *from_line = g_strdup_printf (kk ? "Мемлекеттік орган: %s" : "От: %s",
                                                from != NULL && from[0] != '\0' ? from : "________________________");

  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT, to_line);
  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT, from_line);
}

/* The signature (EDS) and the date at the foot. */
static void
add_signature (AwpChannelDoc *doc,
               gboolean       kk,
               JsonObject    *data)
{
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  GDate signed_on;

  if (awp_calendar_parse_date (member (data, "signed_on"), "signed_on", &signed_on, NULL))
    date = awp_calendar_format_date (&signed_on);
  line = g_strdup_printf (kk ? "%s\n(мемлекеттік орган бірінші басшысы орынбасарының қолы, ЭЦҚ)\t\tКүні: %s"
                             : "%s\n(подпись заместителя первого руководителя государственного органа, ЭЦП)\t\tДата: %s",
                          member (data, "signer"), date != NULL ? date : "«__» ________ 20__");
  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT, line);
}

/* The attachments, numbered (a line when there are none). */
static void
add_attachments (AwpChannelDoc *doc,
                 gboolean       kk,
                 JsonObject    *data,
                 const char    *label)
{
  g_autoptr(GString) attachments = g_string_new (NULL);

  if (json_object_has_member (data, "attachments") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "attachments")))
    {
      JsonArray *list = json_object_get_array_member (data, "attachments");

      for (guint i = 0; i < json_array_get_length (list); i++)
        g_string_append_printf (attachments, "%s%u) %s", i > 0 ? "\n" : "", i + 1,
                                awp_attachment_entry_name (json_array_get_element (list, i)) ?: "");
    }
  add_item (doc, label, attachments->str);
}

static const char *
choice (const char *value, const char *const *keys, const char *const *words)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (value, keys[i]) == 0)
      return words[i];
  return value;
}

AwpChannelDoc *
awp_channel_doc_new_application (JsonObject *data,
                                 const char *lang)
{
  static const char *const coverage_keys[] = { "republican", "regional", NULL };
  static const char *const format_keys[] = { "online", "offline", "hybrid", NULL };
  static const char *const coverage_ru[] = { "республиканский", "региональный" };
  static const char *const coverage_kk[] = { "республикалық", "өңірлік" };
  static const char *const format_ru[] = { "онлайн", "офлайн", "гибрид" };
  static const char *const format_kk[] = { "онлайн", "офлайн", "гибрид" };
  gboolean kk = g_strcmp0 (lang, "kk") == 0;
  AwpChannelDoc *doc = doc_new (kk ? "Коммуникация арнасын аккредиттеуге арналған өтінім"
                                   : "Заявка для аккредитации канала коммуникаций");

  add_head (doc, kk, 1, TRUE);
  add_parties (doc, kk, member (data, "to_body"), member (data, kk ? "from_body_kk" : "from_body_ru"));
  add_item (doc, kk ? "Коммуникация арнасын аккредиттеуді сұраймын:" : "Прошу провести аккредитацию:",
            member (data, kk ? "channel_name_kk" : "channel_name_ru"));
  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT,
       kk ? "Коммуникация арнасын аккредиттеу және Мемлекеттік органдардың халықпен коммуникация арналарының "
            "тізіліміне енгізу үшін қажетті мәліметтер:"
          : "Сведения, необходимые для аккредитации канала коммуникаций и включения в Реестр каналов "
            "коммуникаций государственных органов с населением:");
  add_item (doc,
            kk ? "1) Қазақстан Республикасы Президентінің, Қазақстан Республикасы Президенті Әкімшілігінің, "
                 "Қазақстан Республикасы Премьер-Министрінің және (немесе) Қазақстан Республикасы Үкіметінің "
                 "коммуникация арнасын құру мәселесі бойынша тапсырмасы (бар болса):"
               : "1) поручение Президента Республики Казахстан, Администрации Президента Республики Казахстан, "
                 "Премьер-Министра Республики Казахстан и (или) Правительства Республики Казахстан по вопросу "
                 "создания канала коммуникаций (при наличии):",
            member (data, "instruction"));
  add_item (doc,
            kk ? "2) коммуникация арнасы жұмысының тәртібін регламенттейтін нормативтік құқықтық акт және (немесе) "
                 "құжат (бар болса):"
               : "2) нормативный правовой акт и (или) документ, регламентирующий порядок работы канала "
                 "коммуникаций (при наличии):",
            member (data, "regulating_act"));
  add_item (doc, kk ? "3) коммуникация арнасының функционалдық мақсаты:"
                    : "3) функциональное назначение канала коммуникаций:",
            member (data, "purpose"));
  add_item (doc, kk ? "4) коммуникация арнасы пайдаланушыларын қамту (республикалық, өңірлік):"
                    : "4) охват (республиканский, региональный) пользователей канала коммуникаций:",
            choice (member (data, "coverage"), coverage_keys, kk ? coverage_kk : coverage_ru));
  add_item (doc, kk ? "5) коммуникация арнасы арқылы халықпен өзара іс-қимыл жасау форматы (онлайн, офлайн, гибрид):"
                    : "5) формат взаимодействия с населением посредством канала коммуникаций (онлайн, офлайн, гибрид):",
            choice (member (data, "format"), format_keys, kk ? format_kk : format_ru));
  add_item (doc, kk ? "6) коммуникация арнасының жұмысына қажетті инфрақұрылым, кадрлық және қаржылық ресурстар "
                      "туралы мәліметтер:"
                    : "6) сведения об инфраструктуре, кадровых и финансовых ресурсах, необходимых для работы "
                      "канала коммуникаций:",
            member (data, "resources"));
  add_item (doc, kk ? "7) коммуникация арнасының қажеттілігін негіздеу, оның ішінде халықаралық тәжірибе, "
                      "халықаралық ұйымдардың ұсынымдары, жүргізілген сауалнама нәтижелері (бар болса):"
                    : "7) обоснование необходимости канала коммуникаций, в том числе международный опыт, "
                      "рекомендации международных организаций, результаты проведенного опроса (при наличии):",
            member (data, "justification"));
  add_item (doc, kk ? "Өтініш беруші ұсынуды қажет деп санайтын өзге де ақпарат:"
                    : "Иная информация, предоставление которой считает необходимым заявитель:",
            member (data, "other_info"));
  add_attachments (doc, kk, data, kk ? "Өтінімге қоса беріледі:" : "К заявке прилагаются:");
  add_signature (doc, kk, data);
  return doc;
}

/* The entry's name in @kk's language with its number (or that the number
 * is awaited), a line when the entry is not known here. */
static char *
entry_line (JsonObject *entry,
            gboolean    kk)
{
  if (entry == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s (№ %s)", member (entry, kk ? "name_kk" : "name_ru"),
                          awp_registry_number_text (entry, kk ? "kk" : "ru"));
}

AwpChannelDoc *
awp_channel_doc_new_change_request (JsonObject *data,
                                    JsonObject *entry,
                                    const char *to_body,
                                    const char *lang)
{
  gboolean kk = g_strcmp0 (lang, "kk") == 0;
  AwpChannelDoc *doc = doc_new (kk ? "Мемлекеттік органдардың халықпен коммуникация арналарының тізіліміне "
                                     "өзгерістер және (немесе) толықтырулар енгізуге арналған өтінім"
                                   : "Заявка на внесение изменений и (или) дополнений в Реестр каналов "
                                     "коммуникаций государственных органов с населением");
  g_autofree char *channel = entry_line (entry, kk);

  add_head (doc, kk, 3, TRUE);
  add_parties (doc, kk, to_body, entry != NULL ? member (entry, kk ? "owner_kk" : "owner_ru") : NULL);
  add_item (doc, kk ? "Коммуникация арнасы:" : "Канал коммуникаций:", channel);
  add_item (doc, kk ? "Тізілімнің өзгертілетін жазбасының атауы:" : "Наименование изменяемой записи Реестра:",
            awp_registry_field_title (member (data, "field"), kk ? "kk" : "ru"));
  add_item (doc, kk ? "Тізілімнің өзгертілетін жазбасының мазмұны:" : "Содержание изменяемой записи Реестра:",
            member (data, "current_value"));
  add_item (doc, kk ? "Жаңа редакциясы:" : "Новая редакция:", member (data, "new_value"));
  add_item (doc, kk ? "Өзгерістер және (немесе) толықтырулар енгізуге негіздеме:"
                    : "Основание для внесения изменений и (или) дополнений:",
            member (data, "grounds"));
  add_attachments (doc, kk, data, kk ? "Өтінімге қоса беріледі:" : "К заявке прилагаются:");
  add_signature (doc, kk, data);
  return doc;
}

AwpChannelDoc *
awp_channel_doc_new_termination (JsonObject *data,
                                 JsonObject *entry,
                                 const char *to_body,
                                 const char *lang)
{
  gboolean kk = g_strcmp0 (lang, "kk") == 0;
  AwpChannelDoc *doc = doc_new (kk ? "Коммуникация арнасының жұмысын тоқтату туралы хабарлама"
                                   : "Уведомление о прекращении работы канала коммуникаций");
  g_autofree char *request = NULL;

  /* O93-12 sets no form: the parties, what ends, the text, the signature. */
  add_head (doc, kk, 0, FALSE);
  add_parties (doc, kk, to_body, entry != NULL ? member (entry, kk ? "owner_kk" : "owner_ru") : NULL);
  if (kk)
    request = g_strdup_printf ("«%s» коммуникация арнасының (Тізілімдегі № %s) жұмысы тоқтатылатынын хабарлаймыз "
                               "және оны Мемлекеттік органдардың халықпен коммуникация арналарының тізілімінен "
                               "шығаруды сұраймыз.",
                               entry != NULL ? member (entry, "name_kk") : "____", entry != NULL
                               ? awp_registry_number_text (entry, "kk") : "____");
  else
    request = g_strdup_printf ("Сообщаем о прекращении работы канала коммуникаций «%s» (№ %s в Реестре) и просим "
                               "исключить его из Реестра каналов коммуникаций государственных органов с населением.",
                               entry != NULL ? member (entry, "name_ru") : "____", entry != NULL
                               ? awp_registry_number_text (entry, "ru") : "____");
  add (doc, "Serif 11", 0, PANGO_ALIGN_LEFT, request);
  add_item (doc, kk ? "Хабарлама мәтіні:" : "Текст уведомления:", member (data, "text"));
  add_attachments (doc, kk, data, kk ? "Хабарламаға қоса беріледі:" : "К уведомлению прилагаются:");
  add_signature (doc, kk, data);
  return doc;
}

AwpChannelDoc *
awp_channel_doc_new_document (AwpStore    *store,
                              const char  *id,
                              JsonObject  *shown,
                              const char  *lang,
                              GError     **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, error);
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) application = NULL;
  JsonObject *data;
  const char *type;
  const char *to_body = NULL;

  if (record == NULL)
    return NULL;
  type = json_object_get_string_member (record, "type");
  data = json_object_get_object_member (record, "data");
  if (shown != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (shown);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (data, l->data, json_node_copy (json_object_get_member (shown, l->data)));
    }
  if (g_str_equal (type, "accreditation_application"))
    return awp_channel_doc_new_application (data, lang);
  if (!g_str_equal (type, "change_request") && !g_str_equal (type, "termination_notice"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The record “%s” has no document form"), id);
      return NULL;
    }
  entry = awp_registry_get_entry (store, member (data, "channel_id"), NULL);
  /* The body the channel was accredited by gets its changes too. */
  if (entry != NULL && member (entry, "application_id")[0] != '\0')
    {
      g_autoptr(JsonObject) app_record = awp_store_get_record (store, member (entry, "application_id"), NULL);

      if (app_record != NULL)
        application = json_object_ref (json_object_get_object_member (app_record, "data"));
    }
  if (application != NULL)
    to_body = member (application, "to_body");
  if (g_str_equal (type, "change_request"))
    return awp_channel_doc_new_change_request (data, entry, to_body, lang);
  return awp_channel_doc_new_termination (data, entry, to_body, lang);
}

AwpChannelDoc *
awp_channel_doc_new_registry (AwpStore    *store,
                              const char  *lang,
                              GError     **error)
{
  gboolean kk = g_strcmp0 (lang, "kk") == 0;
  g_autoptr(GPtrArray) entries = awp_registry_search (store, NULL, error);
  AwpChannelDoc *doc;

  if (entries == NULL)
    return NULL;
  doc = doc_new (kk ? "Мемлекеттік органдардың халықпен коммуникация арналарының тізілімі"
                     : "Реестр каналов коммуникаций государственных органов с населением");
  add_head (doc, kk, 2, FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) history = awp_registry_history (store, json_object_get_string_member (entry, "id"), NULL);
      g_autofree char *number = awp_registry_cell (entry, history, 0, lang);
      g_autofree char *name = awp_registry_cell (entry, history, 1, lang);
      g_autofree char *heading = g_strdup_printf ("%s. %s", number, name);

      add (doc, "Serif Bold 11", 0, PANGO_ALIGN_LEFT, heading);
      for (guint c = 2; c < AWP_REGISTRY_COLUMNS; c++)
        {
          g_autofree char *cell = awp_registry_cell (entry, history, c, lang);
          g_autofree char *line = g_strdup_printf ("%s: %s", awp_registry_column_title (c, lang),
                                                   cell[0] != '\0' ? cell : "—");

          add (doc, "Serif 10", 18, PANGO_ALIGN_LEFT, line);
        }
    }
  return doc;
}

void
awp_channel_doc_free (AwpChannelDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->heights);
  g_array_unref (doc->breaks);
  g_free (doc);
}

static PangoLayout *
block_layout (AwpChannelDoc *doc,
              cairo_t       *cr,
              Block         *b)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (b->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((doc->width - b->indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, b->align);
  pango_layout_set_text (layout, b->text, -1);
  return layout;
}

int
awp_channel_doc_paginate (AwpChannelDoc *doc,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  double y = 0, page_height = height - 2 * MARGIN;
  int first = 0;

  doc->width = width - 2 * MARGIN;
  g_array_set_size (doc->heights, 0);
  g_array_set_size (doc->breaks, 0);
  g_array_append_val (doc->breaks, first);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      g_autoptr(PangoLayout) layout = block_layout (doc, cr, g_ptr_array_index (doc->blocks, i));
      int w, h;
      double bh;

      pango_layout_get_size (layout, &w, &h);
      bh = (double) h / PANGO_SCALE + GAP;
      g_array_append_val (doc->heights, bh);
      if (y > 0 && y + bh > page_height)
        {
          int next = (int) i;

          g_array_append_val (doc->breaks, next);
          y = 0;
        }
      y += bh;
    }
  return (int) doc->breaks->len;
}

void
awp_channel_doc_draw_page (AwpChannelDoc *doc,
                           cairo_t       *cr,
                           int            page)
{
  int from, to;
  double y = MARGIN;

  g_return_if_fail (page >= 0 && (guint) page < doc->breaks->len);

  from = g_array_index (doc->breaks, int, page);
  to = (guint) page + 1 < doc->breaks->len ? g_array_index (doc->breaks, int, page + 1) : (int) doc->blocks->len;
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int i = from; i < to; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);
      g_autoptr(PangoLayout) layout = block_layout (doc, cr, b);

      cairo_move_to (cr, MARGIN + b->indent, y);
      pango_cairo_show_layout (cr, layout);
      y += g_array_index (doc->heights, double, i);
    }
}

gboolean
awp_channel_doc_write_pdf (AwpChannelDoc  *doc,
                           const char     *path,
                           GError        **error)
{
  const double width = 595.276, height = 841.89;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  int pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  pages = awp_channel_doc_paginate (doc, cr, width, height);
  for (int p = 0; p < pages; p++)
    {
      awp_channel_doc_draw_page (doc, cr, p);
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
                gpointer           user_data)
{
  AwpChannelDoc *doc = user_data;
  int pages = awp_channel_doc_paginate (doc, gtk_print_context_get_cairo_context (context),
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (op, pages);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  awp_channel_doc_draw_page (user_data, gtk_print_context_get_cairo_context (context), page);
}

void
awp_channel_doc_print (AwpChannelDoc *doc,
                       GtkWindow     *parent)
{
  g_autoptr(GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, doc->title);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), doc);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), doc);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Printing failed: %s", error->message);
}
