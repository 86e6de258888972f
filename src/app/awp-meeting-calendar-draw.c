#include "config.h"

#include <glib/gi18n.h>

#include "awp-meeting-calendar-private.h"

/* Drawing of the meeting calendar with GtkSnapshot: one pass over the
 * visible days, no child widgets. */

/* Names follow the UI language (LANGUAGE) through our catalogue, like the
 * rest of the interface; GDateTime's %B and %a would follow LC_TIME, which
 * on a Russian or English system stays Russian or English under a Kazakh UI. */
static const char *
month_name (GDateMonth month)
{
  static const char *const names[] = {
    NC_("month name, standalone", "January"), NC_("month name, standalone", "February"),
    NC_("month name, standalone", "March"), NC_("month name, standalone", "April"),
    NC_("month name, standalone", "May"), NC_("month name, standalone", "June"),
    NC_("month name, standalone", "July"), NC_("month name, standalone", "August"),
    NC_("month name, standalone", "September"), NC_("month name, standalone", "October"),
    NC_("month name, standalone", "November"), NC_("month name, standalone", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (NULL, "month name, standalone", names[month - 1]);
}

static const char *
weekday_abbreviation (GDateWeekday weekday)
{
  static const char *const names[] = {
    NC_("weekday, abbreviated", "Mon"), NC_("weekday, abbreviated", "Tue"),
    NC_("weekday, abbreviated", "Wed"), NC_("weekday, abbreviated", "Thu"),
    NC_("weekday, abbreviated", "Fri"), NC_("weekday, abbreviated", "Sat"),
    NC_("weekday, abbreviated", "Sun"),
  };

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");
  return g_dpgettext2 (NULL, "weekday, abbreviated", names[weekday - 1]);
}

/* ---- drawing ---- */

typedef struct
{
  GdkRGBA fg, dim, faint, line, bg, accent, accent_fg;
  GdkRGBA kind[4];
} Palette;

static GdkRGBA
named_color (GtkStyleContext *context, const char *name, const char *fallback)
{
  GdkRGBA c;

  if (!gtk_style_context_lookup_color (context, name, &c))
    gdk_rgba_parse (&c, fallback);
  return c;
}

static GdkRGBA
with_alpha (const GdkRGBA *c, float alpha)
{
  GdkRGBA out = *c;

  out.alpha *= alpha;
  return out;
}

static void
get_palette (AwpMeetingCalendar *self, Palette *p)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &p->fg);
  p->dim = with_alpha (&p->fg, 0.55f);
  p->faint = with_alpha (&p->fg, 0.3f);
  p->line = with_alpha (&p->fg, 0.12f);
  p->bg = named_color (context, "view_bg_color", "#ffffff");
  p->accent = named_color (context, "accent_bg_color", "#3584e4");
  p->accent_fg = named_color (context, "accent_fg_color", "#ffffff");
  /* The GNOME palette; the shapes in the labels carry the meaning too. */
  p->kind[AWP_CALENDAR_ENTRY_MEETING] = p->accent;
  gdk_rgba_parse (&p->kind[AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT], "#e66100");
  gdk_rgba_parse (&p->kind[AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION], "#9141ac");
  gdk_rgba_parse (&p->kind[AWP_CALENDAR_ENTRY_DEADLINE_RESULTS], "#26a269");
}

static PangoLayout *
make_layout (AwpMeetingCalendar *self, const char *text, double scale, gboolean bold, float width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
draw_layout (GtkSnapshot *snapshot, PangoLayout *layout, float x, float y, const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws @text with its top-left at (x, y), at most @width wide; returns its height. */
static int
draw_text (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const char *text, float x, float y,
           float width, double scale, gboolean bold, const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, scale, bold, width);
  int w, h;

  draw_layout (snapshot, layout, x, y, color);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
fill_rounded (GtkSnapshot *snapshot, const graphene_rect_t *rect, float radius, const GdkRGBA *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot *snapshot, const graphene_rect_t *rect, float radius, float width, const GdkRGBA *color)
{
  GskRoundedRect rr;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

/* The label of @entry laid out @width wide in at most @lines lines. */
static PangoLayout *
entry_layout (AwpMeetingCalendar *self, AwpCalendarEntry *entry, float width, int lines)
{
  g_autofree char *label = awp_calendar_entry_dup_label (entry);
  PangoLayout *layout = make_layout (self, label, 0.82, FALSE, width);

  if (lines > 1)
    {
      pango_layout_set_single_paragraph_mode (layout, FALSE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -lines);
    }
  return layout;
}

/* A meeting is a filled pill; a deadline a tinted pill with a coloured edge
 * and its shape and norm in the text. The pill grows with a wrapped label. */
static void
draw_entry (GtkSnapshot *snapshot, AwpCalendarEntryKind kind, PangoLayout *layout,
            const graphene_rect_t *rect, const Palette *p)
{
  GdkRGBA tint = with_alpha (&p->kind[kind], 0.16f);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (kind == AWP_CALENDAR_ENTRY_MEETING)
    {
      fill_rounded (snapshot, rect, 5, &p->kind[kind]);
      draw_layout (snapshot, layout, rect->origin.x + 6, rect->origin.y + (rect->size.height - h) / 2, &p->accent_fg);
      return;
    }
  fill_rounded (snapshot, rect, 5, &tint);
  gtk_snapshot_append_color (snapshot, &p->kind[kind],
                             &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y + 3, 3, rect->size.height - 6));
  draw_layout (snapshot, layout, rect->origin.x + 7, rect->origin.y + (rect->size.height - h) / 2, &p->fg);
}

/* A narrow cell has no room for titles: one coloured shape per entry,
 * in rows, “+N” for the rest (as GNOME Calendar shows dots). */
static void
draw_entry_shapes (AwpMeetingCalendar *self, GtkSnapshot *snapshot, GPtrArray *day,
                   const graphene_rect_t *cell, float top, const Palette *p)
{
  const float step = 13;
  guint per_row = (guint) MAX (1.f, (cell->size.width - 8) / step);
  guint rows = (guint) MAX (0.f, (cell->origin.y + cell->size.height - 2 - top) / 16);
  guint capacity = per_row * rows;

  for (guint i = 0; i < day->len && i < capacity; i++)
    {
      float x = cell->origin.x + 5 + (i % per_row) * step;
      float y = top + (i / per_row) * 16;

      if (i == capacity - 1 && day->len > capacity)
        {
          g_autofree char *more = g_strdup_printf ("+%u", day->len - i);

          draw_text (self, snapshot, more, x, y, -1, 0.7, TRUE, &p->dim);
          break;
        }
      draw_text (self, snapshot, awp_calendar_entry_kind_shape (awp_calendar_entry_get_kind (day->pdata[i])),
                 x, y, -1, 0.8, FALSE, &p->kind[awp_calendar_entry_get_kind (day->pdata[i])]);
    }
}

/* The entries of one day stacked from @top down inside @cell; the last line
 * says how many did not fit. The week view's tall columns wrap titles over
 * up to three lines. */
static void
draw_entries (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const GDate *date,
              const graphene_rect_t *cell, float top, const Palette *p)
{
  GPtrArray *day = awp_meeting_calendar_entries_on (self, date);
  int lines = self->view == AWP_MEETING_CALENDAR_WEEK ? 3 : 1;
  float bottom = cell->origin.y + cell->size.height - 4;
  float y = top;

  if (day == NULL)
    return;
  if (cell->size.width < COMPACT_W)
    {
      draw_entry_shapes (self, snapshot, day, cell, top, p);
      return;
    }
  for (guint i = 0; i < day->len && y + PILL_H <= bottom; i++)
    {
      AwpCalendarEntry *entry = day->pdata[i];
      g_autoptr(PangoLayout) layout = entry_layout (self, entry, cell->size.width - 20, lines);
      gboolean last = i + 1 == day->len;
      int w, h;
      float pill_h;

      pango_layout_get_pixel_size (layout, &w, &h);
      pill_h = h + 5 <= PILL_H ? PILL_H : h + 8;
      /* Room for this one and, unless it is the last, for the next line. */
      if (y + pill_h > bottom || (!last && y + pill_h + PILL_GAP + PILL_H > bottom))
        {
          guint more = day->len - i;
          g_autofree char *text = g_strdup_printf (ngettext ("%u more", "%u more", more), more);

          draw_text (self, snapshot, text, cell->origin.x + 8, y + 2, cell->size.width - 16, 0.82, TRUE, &p->dim);
          break;
        }
      draw_entry (snapshot, awp_calendar_entry_get_kind (entry), layout,
                  &GRAPHENE_RECT_INIT (cell->origin.x + 4, y, cell->size.width - 8, pill_h), p);
      y += pill_h + PILL_GAP;
    }
}

static void
draw_day_number (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const GDate *date,
                 float x, float y, double scale, gboolean dim, const Palette *p)
{
  char number[4];
  g_autoptr(PangoLayout) layout = NULL;
  float size = scale > 1 ? 34 : 24;
  int w, h;

  g_snprintf (number, sizeof number, "%u", g_date_get_day (date));
  layout = make_layout (self, number, scale, g_date_compare (date, awp_meeting_calendar_today_date (self)) == 0, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (g_date_compare (date, awp_meeting_calendar_today_date (self)) == 0)
    {
      fill_rounded (snapshot, &GRAPHENE_RECT_INIT (x, y, size, size), size / 2, &p->accent);
      draw_layout (snapshot, layout, x + (size - w) / 2, y + (size - h) / 2, &p->accent_fg);
      return;
    }
  draw_layout (snapshot, layout, x + (size - w) / 2, y + (size - h) / 2, dim ? &p->faint : &p->fg);
}

static void
draw_cell_background (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const GDate *date,
                      const graphene_rect_t *cell, const Palette *p)
{
  if (awp_meeting_calendar_is_day_off (self, date))
    {
      GdkRGBA shade = with_alpha (&p->fg, 0.04f);

      gtk_snapshot_append_color (snapshot, &shade, cell);
    }
  if (g_date_compare (date, &self->selected) == 0)
    {
      GdkRGBA fill = with_alpha (&p->accent, 0.10f);
      GdkRGBA edge = with_alpha (&p->accent, gtk_widget_has_focus (GTK_WIDGET (self)) ? 1.f : 0.5f);
      graphene_rect_t inner = GRAPHENE_RECT_INIT (cell->origin.x + 1, cell->origin.y + 1,
                                                  cell->size.width - 2, cell->size.height - 2);

      fill_rounded (snapshot, &inner, 6, &fill);
      stroke_rounded (snapshot, &inner, 6, 2, &edge);
    }
}

static void
draw_grid_lines (GtkSnapshot *snapshot, const AwpMeetingCalendarLayout *l, const Palette *p)
{
  float w = l->cell_w * 7, h = l->cell_h * l->rows;

  for (int r = 0; r <= l->rows; r++)
    gtk_snapshot_append_color (snapshot, &p->line, &GRAPHENE_RECT_INIT (l->x, l->y + r * l->cell_h, w, 1));
  for (int c = 1; c < 7; c++)
    gtk_snapshot_append_color (snapshot, &p->line, &GRAPHENE_RECT_INIT (l->x + c * l->cell_w, l->y, 1, h));
}

static void
draw_title (AwpMeetingCalendar *self, GtkSnapshot *snapshot, float width, const Palette *p)
{
  g_autofree char *title = NULL;

  if (self->view == AWP_MEETING_CALENDAR_WEEK)
    /* TRANSLATORS: month, year, ISO week number */
    title = g_strdup_printf (_("%s %u, week %u"), month_name (g_date_get_month (&self->selected)),
                             g_date_get_year (&self->selected), g_date_get_iso8601_week_of_year (&self->selected));
  else
    /* TRANSLATORS: month and year above the month view */
    title = g_strdup_printf (_("%s %u"), month_name (g_date_get_month (&self->selected)), g_date_get_year (&self->selected));
  draw_text (self, snapshot, title, PAD + 4, PAD, width - 2 * PAD, 1.45, TRUE, &p->fg);
}

static void
snapshot_month (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const AwpMeetingCalendarLayout *l, const Palette *p)
{
  GDate date = l->first;

  for (int c = 0; c < 7; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, weekday_abbreviation (c + 1), 0.85, TRUE, -1);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      draw_layout (snapshot, layout, l->x + c * l->cell_w + 10, l->y - WEEKDAY_H + (WEEKDAY_H - h) / 2,
                   c >= 5 ? &p->faint : &p->dim);
    }
  for (int r = 0; r < l->rows; r++)
    for (int c = 0; c < 7; c++, g_date_add_days (&date, 1))
      {
        graphene_rect_t cell = GRAPHENE_RECT_INIT (l->x + c * l->cell_w, l->y + r * l->cell_h, l->cell_w, l->cell_h);
        gboolean other_month = g_date_get_month (&date) != g_date_get_month (&self->selected);
        const char *holiday = awp_meeting_calendar_holiday_name (self, &date);

        draw_cell_background (self, snapshot, &date, &cell, p);
        draw_day_number (self, snapshot, &date, cell.origin.x + 4, cell.origin.y + 4, 1.0, other_month, p);
        if (holiday != NULL && cell.size.width > 70)
          draw_text (self, snapshot, holiday, cell.origin.x + 32, cell.origin.y + 9, cell.size.width - 38,
                     0.75, FALSE, &p->dim);
        draw_entries (self, snapshot, &date, &cell, cell.origin.y + DAY_NUMBER_H + 4, p);
      }
  draw_grid_lines (snapshot, l, p);
}

static void
snapshot_week (AwpMeetingCalendar *self, GtkSnapshot *snapshot, const AwpMeetingCalendarLayout *l, const Palette *p)
{
  GDate date = l->first;

  for (int c = 0; c < 7; c++, g_date_add_days (&date, 1))
    {
      float x = l->x + c * l->cell_w;
      graphene_rect_t cell = GRAPHENE_RECT_INIT (x, l->y, l->cell_w, l->cell_h);
      graphene_rect_t column = GRAPHENE_RECT_INIT (x, l->y - WEEK_HEADER_H, l->cell_w, l->cell_h + WEEK_HEADER_H);
      const char *holiday = awp_meeting_calendar_holiday_name (self, &date);

      draw_cell_background (self, snapshot, &date, &column, p);
      draw_text (self, snapshot, weekday_abbreviation (c + 1), x + 10, l->y - WEEK_HEADER_H + 4,
                 l->cell_w - 20, 0.85, TRUE, c >= 5 ? &p->faint : &p->dim);
      draw_day_number (self, snapshot, &date, x + 6, l->y - WEEK_HEADER_H + 20, 1.4, FALSE, p);
      if (holiday != NULL)
        draw_text (self, snapshot, holiday, x + 44, l->y - WEEK_HEADER_H + 30, l->cell_w - 50, 0.75, FALSE, &p->dim);
      draw_entries (self, snapshot, &date, &cell, l->y + 6, p);
    }
  gtk_snapshot_append_color (snapshot, &p->line, &GRAPHENE_RECT_INIT (l->x, l->y, l->cell_w * 7, 1));
  for (int c = 1; c < 7; c++)
    gtk_snapshot_append_color (snapshot, &p->line,
                               &GRAPHENE_RECT_INIT (l->x + c * l->cell_w, l->y - WEEK_HEADER_H, 1, l->cell_h + WEEK_HEADER_H));
}

void
awp_meeting_calendar_draw (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AwpMeetingCalendar *self = AWP_MEETING_CALENDAR (widget);
  float width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  Palette p;
  AwpMeetingCalendarLayout l;

  get_palette (self, &p);
  awp_meeting_calendar_compute_layout (self, width, height, &l);
  gtk_snapshot_append_color (snapshot, &p.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_title (self, snapshot, width, &p);
  if (self->view == AWP_MEETING_CALENDAR_WEEK)
    snapshot_week (self, snapshot, &l, &p);
  else
    snapshot_month (self, snapshot, &l, &p);
}

