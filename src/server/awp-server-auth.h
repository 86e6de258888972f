#pragma once

#include "awp-server-private.h"

G_BEGIN_DECLS

/* yescrypt hash of @password (libxcrypt); NULL on failure. */
char     *awp_server_auth_hash_password  (const char *password,
                                          GError    **error);
gboolean  awp_server_auth_check_password (const char *hash,
                                          const char *password);
/* Fills req->user from the bearer token, or replies 401 and returns FALSE. */
gboolean  awp_server_auth_authenticate   (AwpServerRequest *req);
/* Test fault plans: the bearer token of @req expires now. */
void      awp_server_auth_expire_bearer  (AwpServerRequest *req);

void awp_server_auth_login   (AwpServerRequest *req);
void awp_server_auth_refresh (AwpServerRequest *req);
void awp_server_auth_logout  (AwpServerRequest *req);
void awp_server_auth_me      (AwpServerRequest *req);

/* The user @id, or NULL. */
AwpServerUser *awp_server_auth_load_user (AwpServer  *server,
                                          const char *column,
                                          const char *value);
JsonNode      *awp_server_user_to_json   (const AwpServerUser *user);

G_END_DECLS
