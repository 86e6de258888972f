#include "config.h"

#include "awp-audit.h"
#include "awp-seed.h"
#include "awp-store-private.h"
#include "awp-uuid.h"

typedef struct
{
  const char *kind;   /* O605-1 / O93-2 kinds */
  const char *kk;
  const char *ru;
} SeedOrg;

static const SeedOrg orgs[] = {
  { "ministry", "Қазақстан Республикасы Денсаулық сақтау министрлігі", "Министерство здравоохранения Республики Казахстан" },
  { "ministry", "Қазақстан Республикасы Оқу-ағарту министрлігі", "Министерство просвещения Республики Казахстан" },
  { "ministry", "Қазақстан Республикасы Көлік министрлігі", "Министерство транспорта Республики Казахстан" },
  { "ministry", "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі", "Министерство труда и социальной защиты населения Республики Казахстан" },
  { "ministry", "Қазақстан Республикасы Ауыл шаруашылығы министрлігі", "Министерство сельского хозяйства Республики Казахстан" },
  { "ministry", "Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі", "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан" },
  { "akimat", "Астана қаласының әкімдігі", "Акимат города Астаны" },
  { "akimat", "Алматы қаласының әкімдігі", "Акимат города Алматы" },
  { "akimat", "Шымкент қаласының әкімдігі", "Акимат города Шымкента" },
  { "akimat", "Қарағанды облысының әкімдігі", "Акимат Карагандинской области" },
  { "akimat", "Түркістан облысының әкімдігі", "Акимат Туркестанской области" },
  { "akimat", "Шығыс Қазақстан облысының әкімдігі", "Акимат Восточно-Казахстанской области" },
  { "quasi_public", "«Самұрық-Қазына» ұлттық әл-ауқат қоры» АҚ", "АО «Фонд национального благосостояния «Самрук-Казына»" },
  { "quasi_public", "«Қазақстан темір жолы» ҰК» АҚ", "АО «НК «Қазақстан темір жолы»" },
  { "quasi_public", "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ", "НАО «Государственная корпорация «Правительство для граждан»" },
};

static const char *const first_names[] = {
  "Айгүл", "Нұрлан", "Әсел", "Ерлан", "Гүлнар", "Қанат", "Жанар", "Серік", "Динара", "Бауыржан",
  "Ольга", "Сергей", "Татьяна", "Андрей", "Мәдина", "Ержан", "Салтанат", "Ғалым", "Ұлжан", "Дмитрий",
};

static const char *const last_names[] = {
  "Сәрсенова", "Қасымов", "Әбдірахманова", "Жұмабеков", "Ібраева", "Өмірзақов", "Нұрпейісова",
  "Иванова", "Ким", "Петров", "Тоқтаров", "Шәкенова", "Бекмұхамбетов", "Ахметова", "Смағұлов",
};

/* Subject, text, answer; Kazakh and Russian mixed as in real traffic. */
static const char *const topics[][3] = {
  { "Көше жарығы жанбайды", "Біздің ауладағы шамдар екі айдан бері жанбайды, кешке жүру қауіпті.", "Көше жарығы қалпына келтірілді, шамдар ауыстырылды." },
  { "Аулаға балалар алаңын салу", "Ауламызда балалар ойнайтын алаң жоқ, салып беруіңізді сұраймыз.", "Алаң келесі жылғы абаттандыру жоспарына енгізілді." },
  { "Мектепте орын жетіспейді", "Мектепте сыныптар толып кетті, үш ауысымда оқимыз.", "Жаңа мектеп құрылысы басталды, 2027 жылы ашылады." },
  { "Жол жөндеу туралы", "Ауылға баратын жол әбден бұзылған, қысқа дейін жөндеу керек.", "Орташа жөндеу жұмыстары мердігермен келісілді." },
  { "Емханаға жазылу қиын", "Дәрігерге онлайн жазылу мүмкін емес, кезек көп.", "Жазылу жүйесі жаңартылды, қосымша дәрігерлер тартылды." },
  { "Ремонт дороги на улице Абая", "Дорога разбита, после дождя невозможно проехать.", "Работы по ямочному ремонту выполнены." },
  { "Отопление в многоквартирном доме", "В квартирах холодно, температура ниже нормы.", "Проведена промывка системы, температура восстановлена." },
  { "Вывоз мусора", "Мусор не вывозят уже неделю, контейнеры переполнены.", "График вывоза восстановлен, подрядчику направлено предписание." },
  { "Общественный транспорт", "Автобус маршрута 32 ходит редко, люди опаздывают на работу.", "На маршрут добавлены четыре автобуса." },
  { "Пособие по уходу за ребёнком", "Не назначено пособие, документы поданы через ЦОН два месяца назад.", "Пособие назначено, выплата произведена." },
  { "Субсидия фермерам", "Прошу разъяснить порядок получения субсидии на корма.", "Порядок разъяснён, ссылки на правила направлены заявителю." },
  { "Интернет в селе", "В селе нет мобильного интернета, дети не могут учиться.", "Село включено в программу строительства базовых станций." },
};

/* Places make subjects specific, as real ones are. */
static const char *const places[] = {
  "Астана, Сарыарқа ауданы", "Астана, Есіл ауданы", "Алматы, Медеу ауданы", "Алматы, Әуезов ауданы",
  "Шымкент, Қаратау ауданы", "Қарағанды, Оңтүстік-Шығыс", "Түркістан, Жаңа қала", "Өскемен, Ульба",
  "Ақтөбе, Батыс-2", "Павлодар, Достоевский көшесі", "Семей, Абай көшесі", "Тараз, Жамбыл даңғылы",
  "Қостанай, Тобыл", "Атырау, Нұрсая", "Орал, Деркөл", "Қызылорда, Сырдария",
  "Петропавл, Жамбыл көшесі", "Көкшетау, Сарыарқа", "Талдықорған, Қаратал", "Ақтау, 12 шағын аудан",
};

static const char *const details[] = {
  "Бұл мәселе бойынша бұрын да жазғанбыз.", "Прошу рассмотреть в кратчайшие сроки.",
  "Тұрғындар қол жинады.", "Фотографии прилагаю.", "Жауапты мемлекеттік тілде беруіңізді сұраймын.",
  "Ответ прошу направить на электронную почту.", "Мәселе үш жылдан бері шешілмей келеді.",
  "Обращался в акимат района, ответа нет.", "Балалар мен қарттар қиналып жүр.", "Ситуация ухудшается с каждым днём.",
};

static const char *const auth_methods[] = { "egov", "eds", "sms" };

static const char *const conference_topics[][2] = {
  { "Денсаулық сақтау саласындағы цифрландыру", "Цифровизация здравоохранения" },
  { "Ауыл шаруашылығын қолдау шаралары", "Меры поддержки сельского хозяйства" },
  { "Қала құрылысы және абаттандыру", "Градостроительство и благоустройство" },
};

static const char *const survey_topics[][2] = {
  { "Мемлекеттік қызметтердің сапасы", "Качество государственных услуг" },
  { "Қоғамдық көлік жұмысы", "Работа общественного транспорта" },
};

typedef struct
{
  AwpStore    *store;
  GRand       *rand;
  AwpCalendar *calendar;
  AwpRuleSet  *rules;
  GHashTable  *deadlines;  /* julian day → JsonObject {deadlines, due_on} */
  GPtrArray   *org_ids;
  gint64       base_ms;    /* ids follow the data's dates */
  guint        written;
} Seeder;

static const char *
pick (Seeder *s, const char *const *list, guint n)
{
  return list[g_rand_int_range (s->rand, 0, (gint32) n)];
}

#define PICK(s, list) pick ((s), (list), G_N_ELEMENTS (list))

static char *
iso_date (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static gboolean
put (Seeder      *s,
     const char  *type,
     JsonObject  *data,
     char       **out_id,
     GError     **error)
{
  g_autofree char *id = awp_uuid_v7_at (s->base_ms + s->written, s->rand);
  g_autofree char *text = awp_json_object_to_string (data);
  g_autoptr(AwpCachedStmt) base = awp_store_prepare (s->store,
    "INSERT INTO record_base (id, type, server_version, data) VALUES (?, ?, 1, NULL)", error);

  if (base == NULL)
    return FALSE;
  sqlite3_bind_text (base, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (base, 2, type, -1, SQLITE_STATIC);
  if (!awp_store_step_done (s->store, base, error)
      || !awp_store_put_record (s->store, id, type, data, text, 1, "synced", error))
    return FALSE;
  /* One transaction for the whole load: all or nothing, and the dropped
   * indexes are never committed missing. */
  s->written++;
  if (out_id)
    *out_id = g_steal_pointer (&id);
  return TRUE;
}

static void
random_date (Seeder *s, GDate *d, int max_days_back)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, 20, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (d, (guint) g_rand_int_range (s->rand, 0, max_days_back));
}

static gboolean
seed_orgs (Seeder *s, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      char *id = NULL;

      json_object_set_string_member (o, "kind", orgs[i].kind);
      json_object_set_string_member (o, "name_kk", orgs[i].kk);
      json_object_set_string_member (o, "name_ru", orgs[i].ru);
      json_object_set_string_member (o, "bin", "");
      if (!put (s, "organization", o, &id, error))
        return FALSE;
      g_ptr_array_add (s->org_ids, id);
    }
  return TRUE;
}

static JsonObject *
deadlines_for (Seeder *s, const GDate *received, GError **error)
{
  guint key = g_date_get_julian (received);
  JsonObject *cached = g_hash_table_lookup (s->deadlines, GUINT_TO_POINTER (key));

  if (cached == NULL)
    {
      g_autofree char *text = iso_date (received);

      cached = json_object_new ();
      json_object_set_string_member (cached, "received_on", text);
      if (!awp_store_fill_deadlines (s->calendar, s->rules, "blog_request", cached, error))
        {
          json_object_unref (cached);
          return NULL;
        }
      g_hash_table_insert (s->deadlines, GUINT_TO_POINTER (key), cached);
    }
  return cached;
}

static gboolean
seed_request (Seeder *s, guint i, GError **error)
{
  g_autoptr(JsonObject) r = json_object_new ();
  JsonObject *dl;
  GDate received, done;
  guint topic = (guint) g_rand_int_range (s->rand, 0, G_N_ELEMENTS (topics));
  int age, roll = g_rand_int_range (s->rand, 0, 100);
  const char *status;
  g_autofree char *number = NULL;
  g_autofree char *requester = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  const char *due;

  random_date (s, &received, 730);
  dl = deadlines_for (s, &received, error);
  if (dl == NULL)
    return FALSE;
  {
    GDate anchor;

    g_date_clear (&anchor, 1);
    g_date_set_dmy (&anchor, 20, G_DATE_NOVEMBER, 2026);
    age = g_date_days_between (&received, &anchor);
  }
  /* Older requests are mostly finished; recent ones still in work. */
  if (age > 40)
    status = roll < 80 ? "answered" : roll < 88 ? "returned" : roll < 95 ? "forwarded" : "refused";
  else
    status = roll < 30 ? "received" : roll < 60 ? "accepted" : roll < 65 ? "extended" : roll < 85 ? "answered" : "returned";

  number = g_strdup_printf ("БЛ-%u-%06u", g_date_get_year (&received), i + 1);
  requester = g_strdup_printf ("%s %s", PICK (s, first_names), PICK (s, last_names));
  json_object_set_string_member (r, "number", number);
  subject = g_strdup_printf ("%s — %s", topics[topic][0], PICK (s, places));
  text = g_strdup_printf ("%s %s", topics[topic][1], PICK (s, details));
  json_object_set_string_member (r, "subject", subject);
  json_object_set_string_member (r, "text", text);
  json_object_set_string_member (r, "requester", requester);
  json_object_set_string_member (r, "auth_method", PICK (s, auth_methods));
  json_object_set_string_member (r, "org_id", s->org_ids->pdata[g_rand_int_range (s->rand, 0, (gint32) s->org_ids->len)]);
  json_object_set_string_member (r, "received_on", json_object_get_string_member (dl, "received_on"));
  json_object_set_member (r, "deadlines", json_node_copy (json_object_get_member (dl, "deadlines")));
  due = json_object_get_string_member (dl, "due_on");
  json_object_set_string_member (r, "due_on", due);
  json_object_set_string_member (r, "status", status);
  if (g_str_equal (status, "answered"))
    {
      g_autofree char *answered = NULL;

      /* About one in ten answers is late. */
      done = received;
      g_date_add_days (&done, (guint) g_rand_int_range (s->rand, 2, g_rand_int_range (s->rand, 0, 10) == 0 ? 45 : 20));
      answered = iso_date (&done);
      json_object_set_string_member (r, "answer", topics[topic][2]);
      json_object_set_string_member (r, "answered_on", answered);
      if (g_rand_int_range (s->rand, 0, 3) > 0)
        json_object_set_int_member (r, "rating", g_rand_int_range (s->rand, 1, 6));
    }
  if (g_str_equal (status, "extended"))
    json_object_set_int_member (r, "times_extended", 1);
  return put (s, "blog_request", r, NULL, error);
}

static gboolean
seed_events (Seeder *s, guint n, GError **error)
{
  static const char *const conf_status[] = { "draft", "submitted", "accepted", "published", "closed" };
  static const char *const survey_status[] = { "draft", "submitted", "published", "closed" };
  static const char *const meeting_status[] = { "planned", "announced", "held", "results_published" };
  static const char *const channel_kinds[] = { "website", "telegram", "instagram", "facebook" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) c = json_object_new ();
      g_autoptr(JsonObject) sv = json_object_new ();
      g_autoptr(JsonObject) m = json_object_new ();
      g_autoptr(JsonObject) ch = json_object_new ();
      g_autofree char *conf_id = NULL;
      guint t = i % G_N_ELEMENTS (conference_topics);
      const char *org = s->org_ids->pdata[i % s->org_ids->len];
      GDate d;
      g_autofree char *day = NULL;

      random_date (s, &d, 365);
      day = iso_date (&d);
      json_object_set_string_member (c, "title_kk", conference_topics[t][0]);
      json_object_set_string_member (c, "title_ru", conference_topics[t][1]);
      json_object_set_string_member (c, "subject", conference_topics[t][1]);
      json_object_set_string_member (c, "org_id", org);
      json_object_set_string_member (c, "starts_on", day);
      json_object_set_string_member (c, "status", PICK (s, conf_status));
      if (!put (s, "conference", c, &conf_id, error))
        return FALSE;
      {
        g_autoptr(JsonObject) q = json_object_new ();

        json_object_set_string_member (q, "parent_id", conf_id);
        json_object_set_string_member (q, "question", "Қашан шешіледі? / Когда решится вопрос?");
        json_object_set_string_member (q, "requester", PICK (s, first_names));
        if (!put (s, "conference_question", q, NULL, error))
          return FALSE;
      }

      t = i % G_N_ELEMENTS (survey_topics);
      json_object_set_string_member (sv, "title_kk", survey_topics[t][0]);
      json_object_set_string_member (sv, "title_ru", survey_topics[t][1]);
      json_object_set_string_member (sv, "subject", survey_topics[t][1]);
      json_object_set_string_member (sv, "org_id", org);
      json_object_set_string_member (sv, "status", PICK (s, survey_status));
      if (!put (s, "survey", sv, NULL, error))
        return FALSE;

      json_object_set_string_member (m, "subject", "Қоғамдық кеңес отырысы / Заседание общественного совета");
      json_object_set_string_member (m, "org_id", org);
      json_object_set_string_member (m, "held_on", day);
      json_object_set_boolean_member (m, "closed", g_rand_int_range (s->rand, 0, 10) == 0);
      json_object_set_boolean_member (m, "online_only", FALSE);
      json_object_set_string_member (m, "status", PICK (s, meeting_status));
      if (!put (s, "meeting", m, NULL, error))
        return FALSE;

      json_object_set_string_member (ch, "kind", PICK (s, channel_kinds));
      json_object_set_string_member (ch, "org_id", org);
      json_object_set_string_member (ch, "name_ru", orgs[i % G_N_ELEMENTS (orgs)].ru);
      json_object_set_string_member (ch, "name_kk", orgs[i % G_N_ELEMENTS (orgs)].kk);
      if (!put (s, "channel", ch, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_all (Seeder *s, guint n_requests, GError **error)
{
  if (!seed_orgs (s, error))
    return FALSE;
  /* Large loads build the queue indexes once at the end. */
  if (n_requests >= 10000 && !awp_store_bulk_begin (s->store, error))
    return FALSE;
  for (guint i = 0; i < n_requests; i++)
    if (!seed_request (s, i, error))
      return FALSE;
  if (!seed_events (s, 3 + n_requests / 1000, error))
    return FALSE;
  if (!awp_store_bulk_end (s->store, error))
    return FALSE;
  {
    g_autoptr(JsonObject) detail = json_object_new ();

    json_object_set_int_member (detail, "requests", n_requests);
    json_object_set_int_member (detail, "records", s->written);
    return awp_audit_append (s->store, "seed", "seed", NULL, NULL, NULL, detail, error);
  }
}

gboolean
awp_seed_run (AwpStore  *store,
              guint      n_requests,
              guint32    seed,
              GError   **error)
{
  Seeder s = { 0 };
  gboolean ok;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  s.store = store;
  s.rand = g_rand_new_with_seed (seed);
  s.deadlines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  s.org_ids = g_ptr_array_new_with_free_func (g_free);
  /* 2024-11-20T00:00Z plus one millisecond per record. */
  s.base_ms = G_GINT64_CONSTANT (1732060800000);
  ok = awp_store_get_deadline_rules (store, &s.calendar, &s.rules, error)
       && awp_store_begin (store, error);
  if (ok)
    {
      ok = seed_all (&s, n_requests, error);
      if (ok)
        ok = awp_store_commit (store, error);
      else
        awp_store_rollback (store);
    }
  g_ptr_array_unref (s.org_ids);
  g_hash_table_unref (s.deadlines);
  g_rand_free (s.rand);
  return ok;
}
