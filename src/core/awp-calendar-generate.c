#include "config.h"

#include "awp-calendar-private.h"

/* A provisional year from the holiday law when no published calendar exists:
 * holidays on a weekend move to the next free weekday (past the whole Nauryz
 * block), 7 January and Kurban ait never move. Transfer orders cannot be
 * foreseen, so the year is always provisional. */

typedef struct
{
  guint8      month, mday;
  int         from_year, to_year; /* in force, both included */
  gboolean    moves;
  const char *name[3];
} HolidayRule;

#define NEW_YEAR { "Жаңа жыл", "Новый год", "New Year" }
#define NAURYZ { "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz meyrami" }
#define CONSTITUTION { "Қазақстан Республикасының Конституциясы күні", "День Конституции Республики Казахстан", "Constitution Day" }
#define INDEPENDENCE { "Тәуелсіздік күні", "День Независимости", "Independence Day" }

static const HolidayRule rules[] = {
  { 1, 1, 0, 9999, TRUE, NEW_YEAR },
  { 1, 2, 0, 9999, TRUE, NEW_YEAR },
  { 1, 7, 2006, 9999, FALSE, { "Православиелік Рождество", "Православное Рождество", "Orthodox Christmas" } },
  { 3, 8, 0, 9999, TRUE, { "Халықаралық әйелдер күні", "Международный женский день", "International Women's Day" } },
  /* The 2026 Constitution moved Constitution Day from 30 August to 15 March. */
  { 3, 15, 2027, 9999, TRUE, CONSTITUTION },
  { 3, 21, 0, 9999, TRUE, NAURYZ },
  { 3, 22, 0, 9999, TRUE, NAURYZ },
  { 3, 23, 0, 9999, TRUE, NAURYZ },
  { 5, 1, 0, 9999, TRUE, { "Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана", "Kazakhstan People's Unity Day" } },
  { 5, 7, 2013, 9999, TRUE, { "Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day" } },
  { 5, 9, 0, 9999, TRUE, { "Жеңіс күні", "День Победы", "Victory Day" } },
  { 7, 6, 2009, 9999, TRUE, { "Астана күні", "День столицы", "Capital Day" } },
  { 8, 30, 0, 2025, TRUE, CONSTITUTION },
  /* Republic Day was restored in 2022, when 1 and 17 December stopped being days off. */
  { 10, 25, 2022, 9999, TRUE, { "Республика күні", "День Республики", "Republic Day" } },
  { 12, 1, 2012, 2021, TRUE, { "Тұңғыш Президент күні", "День Первого Президента", "First President Day" } },
  { 12, 16, 0, 9999, TRUE, INDEPENDENCE },
  { 12, 17, 0, 2021, TRUE, INDEPENDENCE },
};

static const char *kurban_name[3] = { "Құрбан айт", "Курбан айт", "Kurban ait" };

/* First day of Kurban ait (10 Dhu al-Hijja) from the tabular Islamic
 * calendar, shifted one day earlier: that matches the dates announced in
 * Kazakhstan for 2022-2025. The real date is announced each year. */
static guint32
kurban_ait (int year)
{
  for (int h = (int) ((year - 622) * 33.0 / 32.0) - 1; ; h++)
    {
      gint64 jd = 10 + 325 + (gint64) (h - 1) * 354 + (3 + 11 * (gint64) h) / 30 + 1948439 - 1;
      guint32 day = (guint32) (jd - 1721425);
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, day);
      if (g_date_get_year (&d) == year)
        return day;
      if (g_date_get_year (&d) > year)
        return 0;
    }
}

static gboolean
is_taken (GArray *days, guint32 day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, AwpSpecialDay, i).day == day)
      return TRUE;
  return FALSE;
}

static void
add_day (GArray *days, guint32 day, AwpDayKind kind, guint32 related, const char * const *name)
{
  AwpSpecialDay s = { day, kind, related, { NULL, NULL, NULL } };

  for (guint l = 0; name != NULL && l < AWP_N_LANGS; l++)
    s.name[l] = g_strdup (name[l]);
  g_array_append_val (days, s);
}

void
awp_calendar_generate_year (int              year,
                            AwpCalendarYear *out)
{
  guint32 kurban = kurban_ait (year);
  guint n_holidays;

  out->year = year;
  out->version = 0;
  out->provisional = TRUE;
  out->source = g_strdup ("generated from the holiday rules (Law on holidays; Labour Code art. 85); "
                          "Kurban ait estimated from the tabular Islamic calendar");
  out->days = g_array_new (FALSE, FALSE, sizeof (AwpSpecialDay));

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (year >= rules[i].from_year && year <= rules[i].to_year)
      add_day (out->days, awp_julian (year, rules[i].month, rules[i].mday), AWP_DAY_HOLIDAY, 0, rules[i].name);
  if (kurban != 0 && year >= 2006)
    add_day (out->days, kurban, AWP_DAY_HOLIDAY, 0, kurban_name);
  g_array_sort (out->days, awp_special_day_compare);

  /* Moves go in date order so the Nauryz block pushes its own days along. */
  n_holidays = out->days->len;
  for (guint i = 0; i < n_holidays; i++)
    {
      AwpSpecialDay h = g_array_index (out->days, AwpSpecialDay, i);
      gboolean moves = h.day != kurban && h.day != awp_julian (year, 1, 7);
      guint32 to;

      if (!moves || awp_day_weekday (h.day) < 5)
        continue;
      for (to = h.day + 1; awp_day_weekday (to) >= 5 || is_taken (out->days, to); to++)
        ;
      add_day (out->days, to, AWP_DAY_MOVED_DAY_OFF, h.day, NULL);
    }
  g_array_sort (out->days, awp_special_day_compare);
}
