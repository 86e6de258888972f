#include "config.h"

#include "awp-audit.h"
#include "awp-meeting.h"
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

/* O145-6: what citizens give as the reason of a Dislike. */
static const char *const dislike_reasons[] = {
  "Жауап сұраққа сәйкес келмейді", "Ответ не по существу вопроса",
  "Мәселе шешілмеді", "Проблема не решена, ответ формальный",
  "Жауап кеш берілді", "Ответ дан с опозданием",
};

/* O145-5.2: why the head extended the answer period. */
static const char *const extend_reasons[] = {
  "Жергілікті атқарушы органнан ақпарат сұратылды.",
  "Запрошена информация у другого государственного органа.",
  "Қосымша тексеру жүргізілуде.",
};

/* O145-10: topics users propose for a conference. */
static const char *const application_topics[][2] = {
  { "Жастар саясаты және бос уақыт", "Молодёжная политика и досуг" },
  { "Ауыз су сапасы", "Качество питьевой воды" },
  { "Мектепке дейінгі білім беру", "Дошкольное образование" },
  { "Жол қауіпсіздігі", "Безопасность дорожного движения" },
  { "Ауылдық денсаулық сақтау", "Сельское здравоохранение" },
  { "Тұрғын үй кезегі", "Очередь на жильё" },
};

/* Collegial bodies whose meetings are open (O605-2). */
static const char *const meeting_bodies[][2] = {
  { "Қоғамдық кеңес", "Заседание общественного совета" },
  { "Әкімдіктің кеңейтілген отырысы", "Расширенное заседание акимата" },
  { "Министрлік алқасының отырысы", "Заседание коллегии министерства" },
};

static const char *const meeting_agenda[] = {
  "Өткен жылғы бюджеттің атқарылуы туралы", "Об исполнении бюджета за прошедший год",
  "Тұрғындардың өтініштерін қарау қорытындылары", "Об итогах рассмотрения обращений граждан",
  "Жылу беру маусымына дайындық", "О подготовке к отопительному сезону",
  "Қоғамдық көлік жұмысы туралы", "О работе общественного транспорта",
};

static const char *const meeting_regions[] = {
  "astana", "almaty-city", "shymkent", "karaganda", "turkistan", "east-kazakhstan", "akmola",
};

/* The responsible officers: valid IINs, E.164 work phones (O605-8, O145-A1). */
static const struct
{
  const char *surname, *name, *patronymic, *iin, *phone, *email, *position;
} officers[] = {
  { "Сәрсенова", "Айгүл", "Ержанқызы", "850315400005", "+77172740112", "a.sarsenova@gov.kz", "Баспасөз хатшысы" },
  { "Қасымов", "Нұрлан", "Бекұлы", "781102310005", "+77272541203", "n.kasymov@gov.kz", "Департамент директоры" },
  { "Иванова", "Ольга", "Петровна", "900703410003", "+77252530944", "o.ivanova@gov.kz", "Главный эксперт" },
  { "Жұмабеков", "Ерлан", NULL, "821220310007", "+77212420578", "e.zhumabekov@gov.kz", "Басқарма басшысы" },
};

typedef struct
{
  AwpStore    *store;
  GRand       *rand;
  GRand       *extra;      /* details added later: the main sequence stays */
  AwpCalendar *calendar;
  AwpRuleSet  *rules;
  GHashTable  *deadlines;  /* julian day → JsonObject {deadlines, due_on} */
  GPtrArray   *org_ids;
  gint64       base_ms;    /* ids follow the data's dates */
  guint        written;
  guint        n_recent;   /* accepted requests still in their answer period */
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

static void
anchor_date (GDate *d, int offset)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, 20, G_DATE_NOVEMBER, 2026);
  if (offset > 0)
    g_date_add_days (d, (guint) offset);
  else if (offset < 0)
    g_date_subtract_days (d, (guint) -offset);
}

static void
set_date (JsonObject *o, const char *member, const GDate *d)
{
  g_autofree char *text = iso_date (d);

  json_object_set_string_member (o, member, text);
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

/* O145-5.2: extended once, a few days after acceptance; the extended due
 * date comes from awp_deadline_extend and the notice to the user is a
 * tracked deadline (told already in older cases). */
static gboolean
extend_request (Seeder      *s,
                JsonObject  *r,
                JsonObject  *dl,
                const GDate *received,
                GError     **error)
{
  JsonObject *deadlines = json_object_new ();
  AwpDeadline extended, notice;
  GDate due, on, anchor;
  int days = g_rand_int_range (s->extra, 5, 16);
  gboolean notified;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_set_object_member (r, "deadlines", deadlines);
  json_object_iter_init (&iter, json_object_get_object_member (dl, "deadlines"));
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (deadlines, key, json_node_copy (value));
  if (!awp_calendar_parse_date (json_object_get_string_member (dl, "due_on"), "due_on", &due, error))
    return FALSE;
  on = *received;
  g_date_add_days (&on, (guint) g_rand_int_range (s->extra, 2, 8));
  anchor_date (&anchor, 0);
  if (g_date_compare (&on, &anchor) > 0)
    on = anchor;
  /* Older extensions were told to the user; the recent ones (answer
   * period still running a week ago) wait for the notice. */
  {
    GDate recent = g_date_compare (&due, &anchor) < 0 ? due : anchor;

    g_date_subtract_days (&recent, (guint) g_rand_int_range (s->extra, 0, 3));
    notified = !(g_date_days_between (&due, &anchor) <= 7 && g_date_compare (&recent, received) > 0);
    if (!notified)
      on = recent;
  }
  if (!awp_deadline_extend (s->rules, s->calendar, "O145-5.2", &due, days, 0, &extended, error)
      || !awp_deadline_compute (s->rules, s->calendar, "O145-5.2/notice", &on, &notice, error))
    return FALSE;
  set_date (r, "due_on", &extended.date);
  set_date (deadlines, "notice_by", &notice.date);
  set_date (r, "extended_on", &on);
  json_object_set_int_member (r, "times_extended", 1);
  json_object_set_int_member (r, "extend_days", days);
  json_object_set_string_member (r, "extend_reason", extend_reasons[g_rand_int_range (s->extra, 0, G_N_ELEMENTS (extend_reasons))]);
  if (notified)
    {
      set_date (r, "user_notified_on", &on);
      json_object_set_string_member (r, "user_notice",
                                     "Жауап беру мерзімі ұзартылды. / Срок рассмотрения продлён.");
    }
  return TRUE;
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

  /* Some accepted ones were extended (O145-5.2): every other one whose
   * answer period ran until last week, a quarter of the older ones; drawn
   * aside, so the rest of the data stays as it was. */
  if (g_str_equal (status, "accepted"))
    {
      GDate answer_by;
      gboolean recent = awp_calendar_parse_date (json_object_get_string_member (dl, "due_on"), "due_on", &answer_by, NULL)
                        && age - g_date_days_between (&received, &answer_by) <= 7;

      if (recent ? s->n_recent++ % 2 == 0 : g_rand_int_range (s->extra, 0, 4) == 0)
        status = "extended";
    }

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
      /* O145-6: Like / Dislike, a Dislike with its reason; the draws are
       * the ones the older 1-5 scores took, so the data stays the same. */
      if (g_rand_int_range (s->rand, 0, 3) > 0)
        {
          JsonObject *rating = json_object_new ();
          gboolean like = g_rand_int_range (s->rand, 1, 6) >= 3;
          GDate rated = done;

          g_date_add_days (&rated, (guint) g_rand_int_range (s->extra, 0, 6));
          json_object_set_string_member (rating, "value", like ? "like" : "dislike");
          if (!like)
            json_object_set_string_member (rating, "reason", dislike_reasons[g_rand_int_range (s->extra, 0, G_N_ELEMENTS (dislike_reasons))]);
          set_date (rating, "rated_on", &rated);
          json_object_set_object_member (r, "rating", rating);
        }
    }
  if (g_str_equal (status, "extended") && !extend_request (s, r, dl, &received, error))
    return FALSE;
  return put (s, "blog_request", r, NULL, error);
}

/* Annex 1: a conference with every field; its status follows its dates
 * (O145-7 submission, O145-8.1 notice, O145-9.2 closing). */
static gboolean
seed_conference (Seeder *s, guint i, const char *org, GError **error)
{
  static const char *const future_status[] = { "draft", "submitted", "accepted" };
  g_autoptr(JsonObject) c = json_object_new ();
  g_autofree char *conf_id = NULL;
  guint t = i % G_N_ELEMENTS (conference_topics);
  guint o = i % G_N_ELEMENTS (officers);
  /* The first three open soon, so their submission and notice are due. */
  int offset = i < 3 ? 2 + 3 * (int) i : g_rand_int_range (s->rand, -330, 60);
  GDate opens, closes, submitted, anchor;
  const char *status;

  anchor_date (&anchor, 0);
  anchor_date (&opens, offset);
  closes = opens;
  g_date_add_days (&closes, (guint) g_rand_int_range (s->rand, 2, 10));
  if (offset > 0)
    status = i < 3 ? (i == 0 ? "draft" : "accepted") : future_status[g_rand_int_range (s->rand, 0, G_N_ELEMENTS (future_status))];
  else
    status = g_date_compare (&closes, &anchor) >= 0 ? "published" : "closed";
  json_object_set_string_member (c, "title_kk", conference_topics[t][0]);
  json_object_set_string_member (c, "title_ru", conference_topics[t][1]);
  json_object_set_string_member (c, "subject", conference_topics[t][1]);
  json_object_set_string_member (c, "brief_kk", "Азаматтардың сұрақтарына мемлекеттік орган басшылығы жауап береді.");
  json_object_set_string_member (c, "brief_ru", "Руководство государственного органа ответит на вопросы граждан.");
  json_object_set_string_member (c, "description_kk", "Конференция барысында саладағы негізгі мәселелер, атқарылған жұмыстар мен алдағы жоспарлар талқыланады. Сұрақтарды конференция ашылған күннен бастап қоюға болады.");
  json_object_set_string_member (c, "description_ru", "В ходе конференции будут обсуждены основные проблемы отрасли, проделанная работа и планы. Вопросы можно задавать со дня открытия конференции.");
  json_object_set_string_member (c, "moderator_surname", officers[o].surname);
  json_object_set_string_member (c, "moderator_name", officers[o].name);
  if (officers[o].patronymic != NULL)
    json_object_set_string_member (c, "moderator_patronymic", officers[o].patronymic);
  json_object_set_string_member (c, "moderator_iin", officers[o].iin);
  json_object_set_string_member (c, "moderator_position", officers[o].position);
  json_object_set_string_member (c, "moderator_email", officers[o].email);
  json_object_set_string_member (c, "moderator_phone", officers[o].phone);
  json_object_set_boolean_member (c, "public_discussion", i % 4 == 1);
  json_object_set_string_member (c, "org_id", org);
  set_date (c, "opens_on", &opens);
  set_date (c, "closes_on", &closes);
  json_object_set_string_member (c, "status", status);
  if (!g_str_equal (status, "draft"))
    {
      submitted = opens;
      g_date_subtract_days (&submitted, (guint) g_rand_int_range (s->rand, 6, 20));
      if (g_date_compare (&submitted, &anchor) > 0)
        submitted = anchor;
      set_date (c, "submitted_on", &submitted);
    }
  /* Published ones posted their O145-8.1 notice two days before opening. */
  if (offset <= 0)
    {
      JsonArray *notices = json_array_new ();
      JsonObject *n = json_object_new ();
      GDate posted = opens;

      g_date_subtract_days (&posted, 2);
      json_object_set_string_member (n, "key", "O145-8.1");
      json_object_set_string_member (n, "norm", "O145-8.1");
      set_date (n, "posted_on", &posted);
      json_object_set_string_member (n, "link", "https://dialog.egov.kz/");
      json_array_add_object_element (notices, n);
      json_object_set_array_member (c, "notices", notices);
    }
  if (!put (s, "conference", c, &conf_id, error))
    return FALSE;
  if (offset <= 0)
    {
      g_autoptr(JsonObject) q = json_object_new ();

      json_object_set_string_member (q, "parent_id", conf_id);
      json_object_set_string_member (q, "text", "Қашан шешіледі? / Когда решится вопрос?");
      json_object_set_string_member (q, "author", PICK (s, first_names));
      set_date (q, "received_on", &opens);
      if (!put (s, "conference_question", q, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_option_titles (JsonObject *o, const char *kk, const char *ru)
{
  json_object_set_string_member (o, "title_kk", kk);
  json_object_set_string_member (o, "title_ru", ru);
}

/* Annex 2: two questions of three options; results once it closed. */
static gboolean
seed_survey (Seeder *s, guint i, const char *org, GError **error)
{
  static const char *const opt[][2] = {
    { "Толық қанағаттанамын", "Полностью удовлетворён" },
    { "Ішінара қанағаттанамын", "Частично удовлетворён" },
    { "Қанағаттанбаймын", "Не удовлетворён" },
  };
  static const char *const questions[][2] = {
    { "Қызмет сапасын қалай бағалайсыз?", "Как вы оцениваете качество услуг?" },
    { "Қызметті алу мерзімі сізді қанағаттандырады ма?", "Устраивают ли вас сроки получения услуги?" },
  };
  g_autoptr(JsonObject) sv = json_object_new ();
  JsonArray *qs = json_array_new ();
  g_autofree char *number = g_strdup_printf ("СО-2026-%03u", i + 1);
  guint t = i % G_N_ELEMENTS (survey_topics);
  int offset = i < 2 ? 1 + 4 * (int) i : g_rand_int_range (s->rand, -300, 40);
  GDate launch, close, anchor;
  const char *status;

  anchor_date (&anchor, 0);
  anchor_date (&launch, offset);
  close = launch;
  g_date_add_days (&close, (guint) (i % 3 == 0 ? 45 : 21));
  if (offset > 0)
    status = i == 0 ? "accepted" : i == 1 ? "submitted" : "draft";
  else
    status = g_date_compare (&close, &anchor) >= 0 ? "published" : "closed";
  json_object_set_string_member (sv, "number", number);
  json_object_set_string_member (sv, "category", "Әлеуметтік сала / Социальная сфера");
  json_object_set_string_member (sv, "title_kk", survey_topics[t][0]);
  json_object_set_string_member (sv, "title_ru", survey_topics[t][1]);
  json_object_set_string_member (sv, "subject", survey_topics[t][1]);
  json_object_set_string_member (sv, "org_id", org);
  set_date (sv, "launch_on", &launch);
  set_date (sv, "close_on", &close);
  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    {
      JsonObject *qo = json_object_new ();
      JsonArray *options = json_array_new ();

      add_option_titles (qo, questions[q][0], questions[q][1]);
      json_object_set_string_member (qo, "choice", "single");
      for (guint k = 0; k < G_N_ELEMENTS (opt); k++)
        {
          JsonObject *oo = json_object_new ();

          add_option_titles (oo, opt[k][0], opt[k][1]);
          json_array_add_object_element (options, oo);
        }
      json_object_set_array_member (qo, "options", options);
      json_array_add_object_element (qs, qo);
    }
  json_object_set_array_member (sv, "questions", qs);
  json_object_set_string_member (sv, "status", status);
  if (!g_str_equal (status, "draft"))
    {
      GDate submitted = launch;

      g_date_subtract_days (&submitted, 10);
      if (g_date_compare (&submitted, &anchor) > 0)
        submitted = anchor;
      set_date (sv, "submitted_on", &submitted);
    }
  if (g_str_equal (status, "closed"))
    {
      JsonObject *results = json_object_new ();
      JsonArray *counts = json_array_new ();
      gint64 respondents = g_rand_int_range (s->rand, 80, 900);

      for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
        {
          JsonArray *row = json_array_new ();
          gint64 left = respondents;

          for (guint k = 0; k < G_N_ELEMENTS (opt); k++)
            {
              gint64 n = k + 1 < G_N_ELEMENTS (opt) ? g_rand_int_range (s->rand, 0, (gint32) left + 1) : left;

              json_array_add_int_element (row, n);
              left -= n;
            }
          json_array_add_array_element (counts, row);
        }
      json_object_set_int_member (results, "respondents", respondents);
      json_object_set_array_member (results, "counts", counts);
      json_object_set_object_member (sv, "results", results);
    }
  return put (s, "survey", sv, NULL, error);
}

/* Order 605: a meeting with everything the planner and the announcement
 * need; status and results follow the date, deadlines from the rules. */
static gboolean
seed_meeting (Seeder *s, guint i, const char *org, GError **error)
{
  static const char *const formats[] = { "offline", "hybrid", "online" };
  g_autoptr(JsonObject) m = json_object_new ();
  JsonArray *agenda = json_array_new ();
  JsonArray *languages = json_array_new ();
  JsonObject *responsible = json_object_new ();
  guint b = i % G_N_ELEMENTS (meeting_bodies);
  guint o = (i + 1) % G_N_ELEMENTS (officers);
  /* The first three come soon: announcement due now; the fourth was held
   * last week and its results are due. */
  int offset = i < 3 ? 4 + 2 * (int) i : i == 3 ? -5 : g_rand_int_range (s->rand, -365, 60);
  const char *format = formats[i % G_N_ELEMENTS (formats)];
  gboolean closed = i > 3 && g_rand_int_range (s->rand, 0, 10) == 0;
  g_autofree char *title = g_strdup_printf ("%s / %s", meeting_bodies[b][0], meeting_bodies[b][1]);
  g_autofree char *name = g_strdup_printf ("%s %s", officers[o].surname, officers[o].name);
  GDate date, anchor;
  const char *status;

  anchor_date (&anchor, 0);
  anchor_date (&date, offset);
  if (offset > 0)
    status = i < 3 || g_rand_int_range (s->rand, 0, 2) == 0 ? "planned" : "announced";
  else
    status = i == 3 || g_rand_int_range (s->rand, 0, 5) == 0 ? "held" : "results_published";
  json_object_set_string_member (m, "org_id", org);
  json_object_set_string_member (m, "region", meeting_regions[i % G_N_ELEMENTS (meeting_regions)]);
  json_object_set_string_member (m, "body", meeting_bodies[b][0]);
  json_object_set_string_member (m, "title", title);
  json_object_set_string_member (m, "subject", title);
  json_object_set_string_member (m, "place", PICK (s, places));
  set_date (m, "date", &date);
  json_object_set_string_member (m, "time", i % 2 ? "15:00" : "10:00");
  json_object_set_string_member (m, "format", format);
  json_array_add_string_element (languages, "kk");
  json_array_add_string_element (languages, "ru");
  json_object_set_array_member (m, "languages", languages);
  for (guint k = 0; k < 2; k++)
    json_array_add_string_element (agenda, meeting_agenda[(2 * (i + k) + (i % 2)) % G_N_ELEMENTS (meeting_agenda)]);
  json_object_set_array_member (m, "agenda", agenda);
  json_object_set_string_member (responsible, "name", name);
  json_object_set_string_member (responsible, "phone", officers[o].phone);
  json_object_set_string_member (responsible, "email", officers[o].email);
  json_object_set_object_member (m, "responsible", responsible);
  if (!g_str_equal (format, "online"))
    json_object_set_int_member (m, "capacity", 20 + 10 * (gint64) (i % 5));
  if (!g_str_equal (format, "offline"))
    json_object_set_string_member (m, "broadcast_url", "https://www.youtube.com/@govkz/live");
  json_object_set_boolean_member (m, "closed", closed);
  if (closed)
    json_object_set_string_member (m, "closed_ground", "Мемлекеттік құпиялар туралы заң / Закон о государственных секретах (O605-3)");
  json_object_set_string_member (m, "status", status);
  if (!awp_meeting_fill_deadlines (s->rules, s->calendar, m, error))
    return FALSE;
  if (!g_str_equal (status, "planned") && !closed)
    {
      GDate announced = date;

      g_date_subtract_days (&announced, 7);
      if (g_date_compare (&announced, &anchor) > 0)
        announced = anchor;
      set_date (m, "announced_on", &announced);
      json_object_set_string_member (m, "announcement_url", "https://dialog.egov.kz/meetings");
      json_object_set_boolean_member (m, "announcement_late", FALSE);
    }
  if (g_str_equal (status, "results_published"))
    {
      JsonObject *results = json_object_new ();
      GDate published = date;

      g_date_add_days (&published, 3);
      json_object_set_string_member (results, "decision", "Күн тәртібіндегі мәселелер қаралды, ұсынымдар қабылданды. / Вопросы повестки рассмотрены, рекомендации приняты.");
      json_object_set_string_member (results, "link", "https://dialog.egov.kz/meetings/results");
      set_date (results, "published_on", &published);
      json_object_set_array_member (results, "attachments", json_array_new ());
      json_object_set_object_member (m, "results", results);
      json_object_set_boolean_member (m, "results_late", FALSE);
    }
  return put (s, "meeting", m, NULL, error);
}

/* O145-10: applications from the portal; the older ones decided. */
static gboolean
seed_application (Seeder *s, guint i, GError **error)
{
  g_autoptr(JsonObject) a = json_object_new ();
  guint t = i % G_N_ELEMENTS (application_topics);
  g_autofree char *number = g_strdup_printf ("КО-2026-%06u", i + 1);
  g_autofree char *requester = g_strdup_printf ("%s %s", PICK (s, first_names), PICK (s, last_names));
  g_autofree char *text = g_strdup_printf ("«%s» тақырыбы бойынша интернет-конференция өткізуді сұраймыз. / Просим провести интернет-конференцию на тему «%s».",
                                           application_topics[t][0], application_topics[t][1]);
  GDate received;
  const char *status;

  /* Recent ones wait for the 5 wd decision (O145-10.2); the others are
   * spread over the last two years. */
  anchor_date (&received, i < 4 ? -(int) i * 2 : -(int) (10 + 9 * (i % 80)));
  status = i < 4 ? "received" : i % 3 == 2 ? "refused" : "accepted";
  json_object_set_string_member (a, "number", number);
  json_object_set_string_member (a, "subject", application_topics[t][1]);
  json_object_set_string_member (a, "text", text);
  json_object_set_string_member (a, "requester", requester);
  json_object_set_string_member (a, "auth_method", PICK (s, auth_methods));
  json_object_set_string_member (a, "org_id", s->org_ids->pdata[i % s->org_ids->len]);
  set_date (a, "received_on", &received);
  if (!awp_store_fill_deadlines (s->calendar, s->rules, "conference_application", a, error))
    return FALSE;
  json_object_set_string_member (a, "status", status);
  if (g_str_equal (status, "refused"))
    {
      json_object_set_string_member (a, "refusal_ground", "competence");
      json_object_set_string_member (a, "refusal_reason", "Тақырып органның құзыретіне жатпайды. / Тема не относится к компетенции органа.");
    }
  if (!g_str_equal (status, "received"))
    json_object_set_string_member (a, "closed_on", json_object_get_string_member (a, "due_on"));
  return put (s, "conference_application", a, NULL, error);
}

static gboolean
seed_events (Seeder *s, guint n, GError **error)
{
  static const char *const channel_kinds[] = { "website", "telegram", "instagram", "facebook" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) ch = json_object_new ();
      const char *org = s->org_ids->pdata[i % s->org_ids->len];

      if (!seed_conference (s, i, org, error)
          || !seed_survey (s, i, org, error)
          || !seed_meeting (s, i, org, error))
        return FALSE;

      json_object_set_string_member (ch, "kind", PICK (s, channel_kinds));
      json_object_set_string_member (ch, "org_id", org);
      json_object_set_string_member (ch, "name_ru", orgs[i % G_N_ELEMENTS (orgs)].ru);
      json_object_set_string_member (ch, "name_kk", orgs[i % G_N_ELEMENTS (orgs)].kk);
      if (!put (s, "channel", ch, NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < 6 + n; i++)
    if (!seed_application (s, i, error))
      return FALSE;
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
  if (!seed_events (s, 6 + n_requests / 1000, error))
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
  s.extra = g_rand_new_with_seed (seed ^ 0x5eedU);
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
  g_rand_free (s.extra);
  g_rand_free (s.rand);
  return ok;
}
