#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "awp-calendar.h"
#include "awp-deadline.h"
#include "awp-protocol.h"
#include "awp-server.h"

G_BEGIN_DECLS

/* Internals shared by the server's modules; never installed. */

typedef enum
{
  AWP_ROLE_ADMINISTRATOR,
  AWP_ROLE_OPERATOR,
  AWP_ROLE_AUTHORIZED_BODY,
  AWP_ROLE_TRAINER,
} AwpRole;

typedef struct
{
  char    *id;
  char    *username;
  char    *org_id;
  char    *full_name;
  AwpRole  role;
} AwpServerUser;

void        awp_server_user_free (AwpServerUser *user);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpServerUser, awp_server_user_free)
const char *awp_role_to_string   (AwpRole role);
gboolean    awp_role_from_string (const char *s,
                                  AwpRole    *role);

typedef struct
{
  gint64 access_ttl;          /* seconds */
  gint64 refresh_ttl;
  guint  login_free_failures; /* failures before slowing down */
  gint64 login_max_delay;
  gint64 tombstone_retention; /* seconds a deleted record stays pullable */
  guint  max_body;            /* bytes */
  guint  max_attachment;      /* bytes of one attachment upload */
  guint  max_batch;           /* mutations per push */
  guint  request_timeout;     /* seconds a client may take to send a request */
  gboolean log_requests;
} AwpServerConfig;

struct _AwpServer
{
  GObject          parent_instance;
  SoupServer      *soup;
  sqlite3         *db;
  AwpServerConfig  config;
  AwpCalendar     *calendar;
  AwpRuleSet      *rules;
  char            *dummy_hash;
  char            *fault_plan;   /* tests only: awp-server-fault.h */
  char            *scale_org;    /* [seed] scale-org: all scale data to one body */
  GDate            seed_date;    /* [seed] date: the demo's anchor day, or invalid */
  gboolean         training;     /* demo data only: the health answer says so */
};

/* One HTTP request as the handlers see it. */
typedef struct
{
  AwpServer         *server;
  SoupServerMessage *msg;
  JsonNode          *body;       /* parsed body, or NULL */
  GBytes            *raw_body;
  AwpServerUser     *user;       /* the authenticated user, or NULL */
  char              *params[2];  /* {id} path segments */
  GHashTable        *query;
  const char        *remote;     /* peer address, for login slowdown */
} AwpServerRequest;

typedef void (*AwpServerHandler) (AwpServerRequest *req);

void awp_server_reply_json  (AwpServerRequest *req,
                             guint             status,
                             JsonNode         *node);
void awp_server_reply_text  (AwpServerRequest *req,
                             guint             status,
                             const char       *json);
void awp_server_reply_error (AwpServerRequest *req,
                             guint             status,
                             const char       *code,
                             const char       *message,
                             GPtrArray        *fields);
/* Replies 403 and returns FALSE unless the user has one of the roles
 * (a bitmask of 1 << AwpRole). */
gboolean awp_server_require_role (AwpServerRequest *req,
                                  guint             roles);
#define AWP_ROLE_BIT(r) (1u << (r))

G_END_DECLS
