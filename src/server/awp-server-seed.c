#include "config.h"

#include <string.h>

#include "awp-server-auth.h"
#include "awp-server-db.h"
#include "awp-server-seed.h"

#include "awp-meeting.h"

/* The demo world is fixed: same ids, texts and dates on every run with the
 * same anchor day, so a classroom's screenshots and exercises match. Every
 * date lies around the anchor (received in the weeks before it, meetings and
 * conferences after it); due dates come from the real deadline rules. */
#define SEED_BASE_YEAR 2026
#define SEED_BASE_MONTH 3
#define SEED_BASE_DAY 2

typedef struct
{
  const char *id;
  const char *kind;
  const char *name_kk;
  const char *name_ru;
} SeedOrg;

static const SeedOrg orgs[] = {
  { "min-edu", "ministry", "Қазақстан Республикасы Оқу-ағарту министрлігі", "Министерство просвещения Республики Казахстан" },
  { "min-health", "ministry", "Қазақстан Республикасы Денсаулық сақтау министрлігі", "Министерство здравоохранения Республики Казахстан" },
  { "akimat-almaty-region", "akimat", "Алматы облысының әкімдігі", "Акимат Алматинской области" },
  { "akimat-turkistan-region", "akimat", "Түркістан облысының әкімдігі", "Акимат Туркестанской области" },
  { "kazpost", "quasi-public", "«Қазпошта» акционерлік қоғамы", "Акционерное общество «Казпочта»" },
  { "operator", "operator", "«Ұлттық ақпараттық технологиялар» АҚ (Оператор)", "АО «Национальные информационные технологии» (Оператор)" },
  { "authorized-body", "authorized-body", "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі", "Министерство цифрового развития, инноваций и аэрокосмической промышленности" },
};

/* The five bodies that receive citizens' requests. */
#define N_BODIES 5

typedef AwpServerDemoUser SeedUser;

/* One shared, documented password keeps a classroom simple. */
#define SEED_PASSWORD "demo-2026"

static const SeedUser users[] = {
  { "admin.edu", "administrator", "min-edu", "Әлия Нұрланқызы Серікбаева" },
  { "admin.health", "administrator", "min-health", "Ерлан Қайратұлы Жұмабаев" },
  { "admin.almaty", "administrator", "akimat-almaty-region", "Гүлназ Маратқызы Әбдірахманова" },
  { "admin.turkistan", "administrator", "akimat-turkistan-region", "Нұрсұлтан Бақытжанұлы Оспанов" },
  { "admin.kazpost", "administrator", "kazpost", "Ирина Викторовна Ким" },
  { "operator", "operator", "operator", "Дәурен Серікұлы Әлиев" },
  { "authorized", "authorized_body", "authorized-body", "Асель Болатқызы Тоқтарова" },
  { "trainer", "trainer", "operator", "Марат Ержанұлы Сейітов" },
};

static const char *const subjects_kk[] = {
  "Ауылдағы жолды жөндеу туралы", "Мектептегі жылу жүйесі туралы", "Емханадағы кезек туралы",
  "Балабақшаға орын алу туралы", "Ауыз су сапасы туралы", "Көше жарығы туралы",
  "Пошта бөлімшесінің жұмыс уақыты туралы", "Әлеуметтік төлем мерзімі туралы",
};
static const char *const texts_kk[] = {
  "Құрметті әкімдік! Біздің ауылдағы жол екі жылдан бері жөнделмеген. Жөндеу мерзімін хабарлауыңызды сұраймын.",
  "Мектептегі сыныптарда қыста өте суық. Жылу жүйесін тексеруді сұраймын.",
  "Емханада дәрігерге жазылу үшін екі апта күтуге тура келеді. Бұл мәселе қашан шешіледі?",
  "Балама балабақшадан орын ала алмай жүрмін. Кезектің қай кезеңде екенін білгім келеді.",
};
static const char *const subjects_ru[] = {
  "О ремонте дороги в селе", "Об отоплении в школе", "Об очередях в поликлинике",
  "О месте в детском саду", "О качестве питьевой воды", "Об уличном освещении",
  "О графике работы почтового отделения", "О сроках социальной выплаты",
};
static const char *const texts_ru[] = {
  "Уважаемый акимат! Дорога в нашем селе не ремонтировалась два года. Прошу сообщить сроки ремонта.",
  "В классах школы зимой очень холодно. Прошу проверить систему отопления.",
  "Запись к врачу в поликлинике ждём по две недели. Когда будет решён этот вопрос?",
  "Не могу получить место в детском саду для ребёнка. Прошу сообщить, на каком месте мы в очереди.",
};
static const char *const names[] = {
  "Айгүл Сәрсенова", "Бауыржан Омаров", "Светлана Петренко", "Данияр Қасымов",
  "Мария Иванова", "Ержан Тұрсынов", "Жанар Ахметова", "Олег Ли",
};
static const char *const statuses[] = {
  "received", "received", "accepted", "accepted", "forwarded", "returned", "answered",
  "answered", "refused", "extended",
};

/* Where an open request's due date lands, in working days from the anchor:
 * a few overdue, some due today and tomorrow, most still running. */
static const int due_offsets[] = { -5, -1, 0, 0, 1, 1, 2, 3, 5, 7, 9, 11 };

/* The norms an open request's due date can come from (seed_request). */
static const char *const open_norms[] = { "O145-5.1", "O145-4.2", "O145-4.3" };

typedef struct
{
  AwpServer *server;
  guint      counter;
  GError   **error;
  GDate      anchor;
  /* Receipt day per (norm, due offset): the search is the same for each. */
  GDate      received_for[G_N_ELEMENTS (open_norms)][G_N_ELEMENTS (due_offsets)];
} Seeder;

static void
seeder_init (Seeder      *s,
             AwpServer   *server,
             const GDate *anchor,
             GError     **error)
{
  memset (s, 0, sizeof *s);
  s->server = server;
  s->error = error;
  s->anchor = *anchor;
  for (guint i = 0; i < G_N_ELEMENTS (open_norms); i++)
    g_date_clear (s->received_for[i], G_N_ELEMENTS (due_offsets));
}

/* A stable UUID-shaped id from a name. */
static char *
seed_id (const char *kind,
         guint       n)
{
  g_autofree char *name = g_strdup_printf ("awp-demo:%s:%u", kind, n);
  g_autofree char *h = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", h, h + 8, h + 12, h + 15, h + 18);
}

static void
date_plus (const Seeder *s,
           GDate        *d,
           int           days)
{
  *d = s->anchor;
  if (days >= 0)
    g_date_add_days (d, days);
  else
    g_date_subtract_days (d, -days);
}

static void
set_date (JsonObject *o,
          const char *member,
          const GDate *d)
{
  g_autofree char *s = awp_protocol_format_date (d);

  json_object_set_string_member (o, member, s);
}

static void
set_due (Seeder     *s,
         JsonObject *o,
         const char *norm,
         const GDate *from)
{
  AwpDeadline dl;

  if (awp_deadline_compute (s->server->rules, s->server->calendar, norm, from, &dl, NULL))
    set_date (o, "due_on", &dl.date);
}

static gboolean
put (Seeder     *s,
     const char *entity_type,
     const char *id,
     const char *org_id,
     JsonObject *data)
{
  AwpRecord r = { 0 };

  r.entity_type = (char *) entity_type;
  r.id = (char *) id;
  r.org_id = (char *) org_id;
  r.version = 1;
  r.data = data;
  r.changed_by = (char *) "seed";
  r.changed_at = g_get_real_time () / G_USEC_PER_SEC;
  s->counter++;
  return awp_server_db_put_record (s->server->db, &r, s->error);
}

/* The latest receipt day whose due date by @norm falls on or before the
 * working day @offset working days from the anchor (today's or the next
 * working day for 0). The due date itself always comes from the rules. */
static gboolean
received_for_due (Seeder     *s,
                  guint       norm,
                  guint       offset,
                  GDate      *out)
{
  GDate *cached = &s->received_for[norm][offset];
  GDate target;

  if (g_date_valid (cached))
    {
      *out = *cached;
      return TRUE;
    }
  if (due_offsets[offset] >= 0
      ? !awp_calendar_next_working_day (s->server->calendar, &s->anchor, &target)
        || !awp_calendar_add_working_days (s->server->calendar, &target, due_offsets[offset], &target)
      : !awp_calendar_add_working_days (s->server->calendar, &s->anchor, due_offsets[offset], &target))
    {
      g_autofree char *day = awp_protocol_format_date (&s->anchor);

      g_set_error (s->error, AWP_DEADLINE_ERROR, AWP_DEADLINE_ERROR_OUT_OF_RANGE,
                   "Seed date %s: outside the working-day calendar", day);
      return FALSE;
    }
  for (int back = 0; back <= 120; back++)
    {
      AwpDeadline dl;

      date_plus (s, out, -back);
      if (!awp_deadline_compute (s->server->rules, s->server->calendar, open_norms[norm], out, &dl, s->error))
        return FALSE;
      if (g_date_compare (&dl.date, &target) <= 0)
        {
          *cached = *out;
          return TRUE;
        }
    }
  /* No rule of these is longer than 120 days: the target day itself. */
  *out = target;
  *cached = target;
  return TRUE;
}

static gboolean
seed_request (Seeder     *s,
              const char *org_id,
              guint       n,
              guint       seq,
              const char *kind)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autofree char *id = seed_id (kind, n);
  g_autofree char *number = NULL;
  gboolean kk = n % 2 == 0;
  const char *status = statuses[n % G_N_ELEMENTS (statuses)];
  gboolean closed = g_str_equal (status, "answered") || g_str_equal (status, "refused");
  guint norm = 0;
  GDate received;

  /* Each state carries the deadline of its own norm. */
  if (g_str_equal (status, "forwarded"))
    norm = 1;
  else if (g_str_equal (status, "returned"))
    norm = 2;
  if (closed)
    date_plus (s, &received, -(int) (4 + n % 30));
  else if (!received_for_due (s, norm, (n * 7 + n / 100) % G_N_ELEMENTS (due_offsets), &received))
    return FALSE;

  /* The queue's Number column, in the local seed's style (awp-seed.c). */
  number = g_strdup_printf ("БЛ-%u-%06u", g_date_get_year (&received), seq);
  json_object_set_string_member (o, "number", number);
  json_object_set_string_member (o, "subject", kk ? subjects_kk[n % G_N_ELEMENTS (subjects_kk)]
                                                  : subjects_ru[n % G_N_ELEMENTS (subjects_ru)]);
  json_object_set_string_member (o, "text", kk ? texts_kk[n % G_N_ELEMENTS (texts_kk)]
                                               : texts_ru[n % G_N_ELEMENTS (texts_ru)]);
  json_object_set_string_member (o, "status", status);
  set_date (o, "received_on", &received);
  json_object_set_string_member (o, "requester", names[n % G_N_ELEMENTS (names)]);
  json_object_set_string_member (o, "auth_method", n % 3 == 0 ? "eds" : "egov");
  json_object_set_string_member (o, "lang", kk ? "kk" : "ru");
  set_due (s, o, g_str_equal (status, "refused") ? "O145-5.3" : open_norms[norm], &received);
  if (g_str_equal (status, "answered"))
    {
      GDate answered = received;

      /* Answered a few days after receipt, never after the anchor. */
      g_date_add_days (&answered, 2 + n % 9);
      if (g_date_compare (&answered, &s->anchor) > 0)
        answered = s->anchor;
      set_date (o, "answered_on", &answered);
      json_object_set_string_member (o, "answer", kk ? "Сұрауыңыз қаралды, жұмыс жоспарға енгізілді."
                                                     : "Ваше обращение рассмотрено, работы включены в план.");
    }
  if (g_str_equal (status, "refused") || g_str_equal (status, "returned"))
    json_object_set_string_member (o, "reason", kk ? "Заңның 11-бабына сәйкес келмейді."
                                                   : "Не соответствует статье 11 Закона.");
  if (g_str_equal (status, "extended"))
    json_object_set_int_member (o, "times_extended", 1);
  return put (s, "blog_request", id, org_id, o);
}

/* A running template: submitted in time (O145-7) and its first notice
 * posted on time (O145-8.1, O145-8.2), as awp_template_post_notice
 * records it. */
static void
seed_notice (Seeder      *s,
             JsonObject  *o,
             const char  *norm,
             const GDate *start,
             const char  *link)
{
  JsonArray *notices = json_array_new ();
  JsonObject *entry = json_object_new ();
  g_autofree char *key = g_strdup_printf ("%s#0", norm);
  AwpDeadline dl;
  GDate posted, submitted = *start;

  /* It reached the Operator two weeks before it started (O145-7). */
  g_date_subtract_days (&submitted, 14);
  set_date (o, "submitted_on", &submitted);

  json_object_set_string_member (entry, "key", key);
  json_object_set_string_member (entry, "norm", norm);
  if (awp_deadline_compute (s->server->rules, s->server->calendar, norm, start, &dl, NULL))
    {
      set_date (entry, "due", &dl.date);
      /* The conference's notice goes out before the opening, the survey's on its launch. */
      posted = g_date_compare (&dl.date, start) < 0 ? dl.date : *start;
      set_date (entry, "posted_on", &posted);
    }
  json_object_set_string_member (entry, "link", link);
  json_array_add_object_element (notices, entry);
  json_object_set_array_member (o, "notices", notices);
}

/* Questions citizens asked during the open conference (O145-9.2): the
 * first two answered, the others waiting in the live queue. */
static gboolean
seed_questions (Seeder      *s,
                guint        b,
                const char  *org_id,
                const char  *conference_id,
                const GDate *opens)
{
  static const struct { const char *text; const char *answer; } questions[] = {
    { "Ауылымызға жаңа мектеп қашан салынады?", "Мектеп құрылысы келесі жылдың жоспарына енгізілді." },
    { "Когда отремонтируют дорогу до районного центра?", "Ремонт дороги запланирован на летний сезон." },
    { "Жастарға арналған спорт алаңы бола ма?", NULL },
    { "Будет ли продлён маршрут автобуса до нового микрорайона?", NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (questions); k++)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autofree char *id = seed_id ("question", b * 100 + k);
      GDate received = *opens;

      /* Over the days open so far, never after the anchor. */
      g_date_add_days (&received, k);
      if (g_date_compare (&received, &s->anchor) > 0)
        received = s->anchor;
      json_object_set_string_member (o, "parent_id", conference_id);
      json_object_set_string_member (o, "org_id", org_id);
      json_object_set_string_member (o, "text", questions[k].text);
      json_object_set_string_member (o, "subject", questions[k].text);
      json_object_set_string_member (o, "author", names[(b + k + 1) % G_N_ELEMENTS (names)]);
      set_date (o, "received_on", &received);
      if (questions[k].answer != NULL)
        {
          json_object_set_string_member (o, "answer", questions[k].answer);
          set_date (o, "answered_on", &received);
        }
      if (!put (s, "conference_question", id, org_id, o))
        return FALSE;
    }
  return TRUE;
}

/* The second question of the demo surveys, multiple choice (Annex 2). */
static JsonObject *
services_question (void)
{
  static const char *const services[][2] = {
    { "Мемлекеттік қызметтер порталы", "Портал государственных услуг" },
    { "ХҚКО", "ЦОН" },
    { "Мобильді қосымша", "Мобильное приложение" },
    { "Телефон арқылы кеңес", "Консультация по телефону" },
  };
  JsonObject *q = json_object_new ();
  JsonArray *options = json_array_new ();

  json_object_set_string_member (q, "title_kk", "Қандай қызмет көрсету арналарын пайдаландыңыз?");
  json_object_set_string_member (q, "title_ru", "Какими каналами получения услуг вы пользовались?");
  json_object_set_string_member (q, "choice", "multiple");
  for (guint k = 0; k < G_N_ELEMENTS (services); k++)
    {
      JsonObject *opt = json_object_new ();

      json_object_set_string_member (opt, "title_kk", services[k][0]);
      json_object_set_string_member (opt, "title_ru", services[k][1]);
      json_array_add_object_element (options, opt);
    }
  json_object_set_array_member (q, "options", options);
  return q;
}

/* Results of a few hundred respondents ({respondents, counts}, as the
 * portal's survey responses add up): each respondent picks one option of a
 * single-choice question, one or more of a multiple-choice one. A fixed
 * seed per body keeps them the same on every run. */
static JsonObject *
survey_results (guint      b,
                JsonArray *questions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4145 + b);
  guint respondents = 180 + 37 * b;
  guint nq = json_array_get_length (questions);
  guint *counts[8] = { NULL };
  JsonObject *results = json_object_new ();
  JsonArray *all = json_array_new ();

  g_assert (nq <= G_N_ELEMENTS (counts));
  for (guint q = 0; q < nq; q++)
    counts[q] = g_new0 (guint, json_array_get_length (json_object_get_array_member (
                                  json_array_get_object_element (questions, q), "options")));
  for (guint r = 0; r < respondents; r++)
    for (guint q = 0; q < nq; q++)
      {
        JsonObject *question = json_array_get_object_element (questions, q);
        guint no = json_array_get_length (json_object_get_array_member (question, "options"));
        gboolean multiple = g_str_equal (json_object_get_string_member (question, "choice"), "multiple");

        if (!multiple)
          {
            /* Skewed towards the first options, as satisfaction answers are. */
            guint first = g_rand_int_range (rand, 0, no);
            guint second = g_rand_int_range (rand, 0, no);
            guint pick = MIN (first, second);  /* MIN evaluates its arguments twice */

            counts[q][pick]++;
            continue;
          }
        {
          guint any = 0;

          for (guint o = 0; o < no; o++)
            if (g_rand_int_range (rand, 0, 100) < 60 - 12 * (int) o)
              {
                counts[q][o]++;
                any++;
              }
          if (any == 0)
            counts[q][g_rand_int_range (rand, 0, no)]++;
        }
      }
  for (guint q = 0; q < nq; q++)
    {
      JsonArray *row = json_array_new ();
      guint no = json_array_get_length (json_object_get_array_member (json_array_get_object_element (questions, q),
                                                                      "options"));

      for (guint o = 0; o < no; o++)
        json_array_add_int_element (row, counts[q][o]);
      json_array_add_array_element (all, row);
      g_clear_pointer (&counts[q], g_free);
    }
  json_object_set_int_member (results, "respondents", respondents);
  json_object_set_array_member (results, "counts", all);
  return results;
}

static gboolean
seed_body (Seeder     *s,
           guint       b,
           const char *org_id)
{
  for (guint i = 0; i < 30; i++)
    if (!seed_request (s, org_id, b * 100 + i, b * 100 + i + 1, "request"))
      return FALSE;

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autofree char *id = seed_id ("application", b * 100 + i);
      g_autofree char *number = NULL;
      GDate received;

      date_plus (s, &received, -(int) (i * 3));
      /* The client store's names, as the queue shows them (awp-seed.c). */
      number = g_strdup_printf ("КО-%u-%06u", g_date_get_year (&received), b * 100 + i + 1);
      json_object_set_string_member (o, "number", number);
      json_object_set_string_member (o, "subject", i % 2 ? "Цифрлық қызметтердің қолжетімділігі" : "Доступность цифровых услуг в регионах");
      json_object_set_string_member (o, "text", i % 2 ? "Осы тақырыпта интернет-конференция өткізуді ұсынамын."
                                                      : "Предлагаю провести интернет-конференцию на эту тему.");
      json_object_set_string_member (o, "status", i < 3 ? "received" : i == 3 ? "refused" : "accepted");
      if (i == 3)
        {
          /* As the workstation's refusal writes it (O145-10.2). */
          json_object_set_string_member (o, "refusal_ground", "competence");
          json_object_set_string_member (o, "refusal_reason", "Тема вне компетенции органа.");
        }
      set_date (o, "received_on", &received);
      set_due (s, o, "O145-10.2", &received);
      json_object_set_string_member (o, "requester", names[(b + i) % G_N_ELEMENTS (names)]);
      if (!put (s, "conference_application", id, org_id, o))
        return FALSE;
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autofree char *id = seed_id ("conference", b * 100 + i);
      GDate opens, closes;

      /* The published one is open at the anchor, so a class asks live
       * questions (O145-9.2); the others come in the weeks after it. */
      date_plus (s, &opens, i == 0 ? -2 : 7 + 14 * (int) i);
      date_plus (s, &closes, i == 0 ? 7 : 14 + 14 * (int) i);
      /* The Annex 1 template in full (awp-conference-template.h). */
      json_object_set_string_member (o, "org_id", org_id);
      json_object_set_string_member (o, "title_kk", "Халықпен ашық диалог: өңірдің даму жоспары");
      json_object_set_string_member (o, "title_ru", "Открытый диалог с населением: план развития региона");
      json_object_set_string_member (o, "subject", "Открытый диалог с населением: план развития региона");
      json_object_set_string_member (o, "brief_kk", "Тұрғындармен даму жоспары туралы кездесу");
      json_object_set_string_member (o, "brief_ru", "Встреча с жителями о плане развития");
      json_object_set_string_member (o, "description_kk", "Тұрғындардың сұрақтарына жауап беру.");
      json_object_set_string_member (o, "description_ru", "Ответы на вопросы жителей.");
      set_date (o, "opens_on", &opens);
      set_date (o, "closes_on", &closes);
      json_object_set_string_member (o, "moderator_surname", "Сейітқали");
      json_object_set_string_member (o, "moderator_name", "Әсем");
      json_object_set_string_member (o, "moderator_iin", "901123300258");
      json_object_set_string_member (o, "moderator_position", "Бас маман");
      json_object_set_string_member (o, "moderator_email", "a.seitkali@gov.kz");
      json_object_set_string_member (o, "moderator_phone", "+77011234567");
      json_object_set_boolean_member (o, "public_discussion", TRUE);
      /* The third waits in the Operator's review queue (O145-7). */
      json_object_set_string_member (o, "status", i == 0 ? "published" : i == 1 ? "accepted" : "submitted");
      if (i == 2)
        {
          GDate submitted;

          date_plus (s, &submitted, 0);
          set_date (o, "submitted_on", &submitted);
        }
      if (i == 0)
        seed_notice (s, o, "O145-8.1", &opens, "https://dialogue.gov.kz/conference/open-dialogue");
      if (!put (s, "conference", id, org_id, o))
        return FALSE;
      if (i == 0 && !seed_questions (s, b, org_id, id, &opens))
        return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autofree char *id = seed_id ("survey", b * 100 + i);
      g_autoptr(JsonArray) qs = json_array_new ();
      JsonObject *q = json_object_new ();
      g_autofree char *number = g_strdup_printf ("%u-%02u", g_date_get_year (&s->anchor), i + 1);
      GDate launch, close;

      /* The published one runs at the anchor (O145-11), with results. */
      date_plus (s, &launch, i == 0 ? -10 : 13);
      date_plus (s, &close, i == 0 ? 20 : 43);
      /* The Annex 2 template in full (awp-survey-template.h). */
      json_object_set_string_member (q, "title_kk", "Қызмет сапасын бағалаңыз");
      json_object_set_string_member (q, "title_ru", "Оцените качество услуг");
      json_object_set_string_member (q, "choice", "single");
      {
        static const char *const answers[][2] = { { "Жақсы", "Хорошо" }, { "Қанағаттанарлық", "Удовлетворительно" },
                                                  { "Нашар", "Плохо" } };
        JsonArray *options = json_array_new ();

        for (guint k = 0; k < G_N_ELEMENTS (answers); k++)
          {
            JsonObject *opt = json_object_new ();

            json_object_set_string_member (opt, "title_kk", answers[k][0]);
            json_object_set_string_member (opt, "title_ru", answers[k][1]);
            json_array_add_object_element (options, opt);
          }
        json_object_set_array_member (q, "options", options);
      }
      json_array_add_object_element (qs, q);
      json_array_add_object_element (qs, services_question ());
      json_object_set_string_member (o, "org_id", org_id);
      json_object_set_string_member (o, "number", number);
      json_object_set_string_member (o, "category", "Мемлекеттік қызметтер");
      json_object_set_string_member (o, "subject", "Удовлетворённость государственными услугами");
      json_object_set_string_member (o, "title_kk", "Мемлекеттік қызметтерге қанағаттану");
      json_object_set_string_member (o, "title_ru", "Удовлетворённость государственными услугами");
      set_date (o, "launch_on", &launch);
      set_date (o, "close_on", &close);
      json_object_set_array_member (o, "questions", json_array_ref (qs));
      json_object_set_string_member (o, "status", i == 0 ? "published" : "draft");
      if (i == 0)
        {
          json_object_set_object_member (o, "results", survey_results (b, qs));
          seed_notice (s, o, "O145-8.2", &launch, "https://dialogue.gov.kz/survey/public-services");
        }
      if (!put (s, "survey", id, org_id, o))
        return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) meeting = json_object_new ();
      g_autoptr(JsonObject) channel = json_object_new ();
      g_autofree char *mid = seed_id ("meeting", b * 100 + i);
      g_autofree char *cid = seed_id ("channel", b * 100 + i);
      GDate held;

      date_plus (s, &held, 10 + 7 * (int) i);
      /* An Order 605 meeting as awp-meeting.h keeps it, deadlines filled. */
      {
        g_autoptr(JsonObject) person = json_object_new ();
        g_autoptr(JsonArray) languages = json_array_new ();
        g_autoptr(JsonArray) agenda = json_array_new ();

        json_object_set_string_member (person, "name", "Нұрланов Ерлан");
        json_object_set_string_member (person, "phone", "+77011112233");
        json_object_set_string_member (person, "email", "e.nurlanov@gov.kz");
        json_array_add_string_element (languages, "kk");
        json_array_add_string_element (languages, "ru");
        json_array_add_string_element (agenda, i == 0 ? "Өңірдің даму жоспары" : "Қоғамдық көліктің жұмысы");
        json_object_set_string_member (meeting, "org_id", org_id);
        json_object_set_string_member (meeting, "region", "astana");
        json_object_set_string_member (meeting, "body", "Қоғамдық кеңес");
        json_object_set_string_member (meeting, "title", "Тұрғындармен кездесу / Встреча с населением");
        set_date (meeting, "date", &held);
        json_object_set_string_member (meeting, "time", "15:00");
        json_object_set_string_member (meeting, "format", "hybrid");
        json_object_set_string_member (meeting, "place", i == 0 ? "Мәдениет үйі" : "Дом культуры");
        json_object_set_array_member (meeting, "languages", g_steal_pointer (&languages));
        json_object_set_array_member (meeting, "agenda", g_steal_pointer (&agenda));
        json_object_set_object_member (meeting, "responsible", g_steal_pointer (&person));
        json_object_set_int_member (meeting, "capacity", 120);
        json_object_set_string_member (meeting, "broadcast_url", "https://live.gov.kz/meeting");
        json_object_set_boolean_member (meeting, "closed", FALSE);
        json_object_set_string_member (meeting, "status", "planned");
        if (!awp_meeting_fill_deadlines (s->server->rules, s->server->calendar, meeting, s->error))
          return FALSE;
      }
      json_object_set_string_member (channel, "name", i == 0 ? "Тікелей эфир" : "Прямой эфир");
      json_object_set_string_member (channel, "kind", "broadcast");
      /* Its Annex 2 columns, so the Registry (O93-8) every body pulls shows
       * the demo channels like accredited ones. */
      {
        g_autofree char *number = g_strdup_printf ("%u", b * 2 + i + 1);
        GDate included;

        date_plus (s, &included, -60 - 30 * (int) b);
        json_object_set_string_member (channel, "number", number);
        json_object_set_string_member (channel, "name_kk", "Тікелей эфир");
        json_object_set_string_member (channel, "name_ru", "Прямой эфир");
        json_object_set_string_member (channel, "owner_kk", orgs[b].name_kk);
        json_object_set_string_member (channel, "owner_ru", orgs[b].name_ru);
        set_date (channel, "included_on", &included);
      }
      if (!put (s, "meeting", mid, org_id, meeting) || !put (s, "channel", cid, org_id, channel))
        return FALSE;
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(JsonObject) reg = json_object_new ();
          g_autoptr(JsonObject) com = json_object_new ();
          g_autofree char *rid = seed_id ("registration", b * 100 + i * 10 + j);
          g_autofree char *kid = seed_id ("comment", b * 100 + i * 10 + j);  /* O605 broadcast */

          GDate received;

          date_plus (s, &received, -(int) j);
          json_object_set_string_member (reg, "parent_id", mid);
          json_object_set_string_member (reg, "org_id", org_id);
          json_object_set_string_member (reg, "surname", j == 0 ? "Әбілов" : "Ким");
          json_object_set_string_member (reg, "name", names[(i + j + b) % G_N_ELEMENTS (names)]);
          json_object_set_string_member (reg, "requester", names[(i + j + b) % G_N_ELEMENTS (names)]);
          json_object_set_int_member (reg, "birth_year", 1980 + (int) j);
          json_object_set_string_member (reg, "contact", "+77050000001");
          set_date (reg, "received_on", &received);
          json_object_set_string_member (reg, "channel", j == 0 ? "paper" : "electronic");
          json_object_set_boolean_member (reg, "late", FALSE);
          json_object_set_string_member (com, "parent_id", mid);
          json_object_set_string_member (com, "org_id", org_id);
          json_object_set_string_member (com, "text", j == 0 ? "Рахмет, өте пайдалы эфир!" : "Спасибо, когда будет следующий эфир?");
          json_object_set_string_member (com, "author", names[(i + j + b + 3) % G_N_ELEMENTS (names)]);
          json_object_set_string_member (com, "requester", names[(i + j + b + 3) % G_N_ELEMENTS (names)]);
          json_object_set_string_member (com, "status", "visible");
          if (!put (s, "meeting_registration", rid, org_id, reg) || !put (s, "meeting_comment", kid, org_id, com))
            return FALSE;
        }
    }

  /* Ratings of answered requests (O145-6). */
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(JsonObject) o = NULL;
      g_autofree char *rid = NULL;
      g_autofree char *id = NULL;
      guint n = b * 100 + i;

      if (!g_str_equal (statuses[n % G_N_ELEMENTS (statuses)], "answered"))
        continue;
      o = json_object_new ();
      rid = seed_id ("request", n);
      id = seed_id ("rating", n);
      json_object_set_string_member (o, "request_id", rid);
      json_object_set_string_member (o, "value", i % 4 == 0 ? "dislike" : "like");
      if (i % 4 == 0)
        json_object_set_string_member (o, "reason", "Жауап толық емес / Ответ неполный");
      if (!put (s, "blog_request_rating", id, org_id, o))
        return FALSE;
    }


  {
    g_autoptr(JsonObject) o = json_object_new ();
    g_autofree char *id = seed_id ("accreditation", b);

    json_object_set_string_member (o, "applicant_name", names[(b + 5) % G_N_ELEMENTS (names)]);
    json_object_set_string_member (o, "position", "Бас маман / Главный специалист");
    json_object_set_string_member (o, "requested_role", "administrator");
    json_object_set_string_member (o, "status", "sent");
    /* Annex 1 (O93-3), as the workstation writes it, for the authorized
     * body's review (O93-4). */
    {
      GDate sent;

      date_plus (s, &sent, -2);
      json_object_set_string_member (o, "to_body", orgs[N_BODIES + 1].name_ru);
      json_object_set_string_member (o, "from_body_kk", orgs[b].name_kk);
      json_object_set_string_member (o, "from_body_ru", orgs[b].name_ru);
      json_object_set_string_member (o, "channel_name_kk", "Азаматтарды қабылдаудың онлайн-бөлмесі");
      json_object_set_string_member (o, "channel_name_ru", "Онлайн-приемная для граждан");
      json_object_set_string_member (o, "regulating_act", "Приказ руководителя № 17 / Басшының № 17 бұйрығы");
      json_object_set_string_member (o, "purpose", "Прием обращений граждан онлайн");
      json_object_set_string_member (o, "coverage", "republican");
      json_object_set_string_member (o, "format", "online");
      json_object_set_string_member (o, "resources", "Два сотрудника, видеосвязь");
      json_object_set_string_member (o, "justification", "Рост числа обращений в 2025 году");
      json_object_set_string_member (o, "signer", names[(b + 5) % G_N_ELEMENTS (names)]);
      json_object_set_string_member (o, "subject", "Онлайн-приемная для граждан");
      json_object_set_string_member (o, "requester", orgs[b].name_ru);
      set_date (o, "signed_on", &sent);
      set_date (o, "received_on", &sent);
    }
    if (!put (s, "accreditation_application", id, org_id, o))
      return FALSE;
  }
  return TRUE;
}

/* BIN check digit (kz-facts: weights 1..11, then 3..11,1,2). */
static char *
make_bin (guint n)
{
  char d[13];
  int sum = 0;

  g_snprintf (d, sizeof d, "%s%03u", "24014000", n);
  for (guint pass = 0; pass < 2; pass++)
    {
      sum = 0;
      for (int i = 0; i < 11; i++)
        sum += (d[i] - '0') * (pass == 0 ? i + 1 : (i + 2) % 11 + 1);
      sum %= 11;
      if (sum != 10)
        break;
    }
  if (sum == 10)
    return NULL;
  d[11] = '0' + sum;
  d[12] = '\0';
  return g_strdup (d);
}

void
awp_server_seed_default_date (AwpServer *server,
                              GDate     *out)
{
  g_date_clear (out, 1);
  if (g_date_valid (&server->seed_date))
    *out = server->seed_date;
  else
    g_date_set_dmy (out, SEED_BASE_DAY, SEED_BASE_MONTH, SEED_BASE_YEAR);
}

gboolean
awp_server_seed_demo_data (AwpServer    *server,
                           const GDate  *anchor,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) exists = awp_server_db_prepare (server->db, "SELECT 1 FROM orgs WHERE id = 'operator'", error);
  Seeder s;

  seeder_init (&s, server, anchor, error);

  if (exists == NULL)
    return FALSE;
  if (sqlite3_step (exists) == SQLITE_ROW)
    return TRUE;
  if (!awp_server_db_begin (server->db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, "INSERT INTO orgs VALUES (?,?,?,?,?)", error);
      g_autofree char *bin = NULL;

      for (guint k = i * 7 + 1; bin == NULL; k++)
        bin = make_bin (k);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, orgs[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, orgs[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, orgs[i].name_kk, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, orgs[i].name_ru, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, bin, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          awp_server_db_set_error (server->db, error);
          goto fail;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db, "INSERT INTO users VALUES (?,?,?,?,?,?)", error);
      g_autofree char *id = seed_id ("user", i);
      g_autofree char *hash = awp_server_auth_hash_password (SEED_PASSWORD, error);

      if (stmt == NULL || hash == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, users[i].username, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, users[i].role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, users[i].org_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, users[i].full_name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          awp_server_db_set_error (server->db, error);
          goto fail;
        }
    }
  for (guint b = 0; b < N_BODIES; b++)
    if (!seed_body (&s, b, orgs[b].id))
      goto fail;
  return awp_server_db_commit (server->db, error);

fail:
  awp_server_db_rollback (server->db);
  return FALSE;
}

gboolean
awp_server_seed_scale (AwpServer    *server,
                       guint         count,
                       const GDate  *anchor,
                       GError      **error)
{
  Seeder s;
  guint start = 0;

  seeder_init (&s, server, anchor, error);
  if (!awp_server_seed_demo_data (server, anchor, error))
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) stmt = awp_server_db_prepare (server->db,
                                                          "SELECT COUNT(*) FROM records WHERE changed_by = 'seed-scale'", error);
    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      start = sqlite3_column_int (stmt, 0);
  }
  if (!awp_server_db_begin (server->db, error))
    return FALSE;
  for (guint i = start; i < start + count; i++)
    {
      if (!seed_request (&s, server->scale_org ? server->scale_org : orgs[i % N_BODIES].id, i,
                          N_BODIES * 100 + i + 1, "scale-request"))
        goto fail;
      /* Mark them so a second run continues the numbering. */
      {
        g_autoptr(sqlite3_stmt) mark = awp_server_db_prepare (server->db,
                                                              "UPDATE records SET changed_by = 'seed-scale' WHERE seq = ?", error);
        if (mark == NULL)
          goto fail;
        sqlite3_bind_int64 (mark, 1, awp_server_db_last_seq (server->db));
        if (sqlite3_step (mark) != SQLITE_DONE)
          goto fail;
      }
    }
  return awp_server_db_commit (server->db, error);

fail:
  awp_server_db_rollback (server->db);
  return FALSE;
}

const AwpServerDemoUser *
awp_server_demo_users (guint *n_users)
{
  g_return_val_if_fail (n_users != NULL, NULL);
  *n_users = G_N_ELEMENTS (users);
  return users;
}

const char *
awp_server_demo_org_name (const char *org_id,
                          const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    if (g_strcmp0 (orgs[i].id, org_id) == 0)
      return g_strcmp0 (lang, "kk") == 0 ? orgs[i].name_kk : orgs[i].name_ru;
  return NULL;
}
