/*
 * A PKCS #11 module for tests that forwards every call to SoftHSM2 but counts wrong user PINs
 * the way vendor tokens do (SoftHSM2 never locks: Token::loginUser only sets COUNT_LOW):
 * after a wrong PIN the token reports CKF_USER_PIN_COUNT_LOW, with one try left
 * CKF_USER_PIN_FINAL_TRY, and after OCOP_SHIM_TRIES wrong PINs C_Login answers CKR_PIN_LOCKED and
 * the token shows CKF_USER_PIN_LOCKED. A right PIN resets the count. The count lives in the file
 * OCOP_SHIM_STATE so it survives the app loading and unloading the module for each operation.
 * Compiled by the tests with the system C compiler; never shipped.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CK_PTR *
#define CK_DECLARE_FUNCTION(returnType, name) returnType name
#define CK_DECLARE_FUNCTION_POINTER(returnType, name) returnType(*name)
#define CK_CALLBACK_FUNCTION(returnType, name) returnType(*name)
#ifndef NULL_PTR
#define NULL_PTR 0
#endif
#include "pkcs11.h"

static CK_FUNCTION_LIST real;
static CK_FUNCTION_LIST mine;
static void *lib = NULL;

static int tries_allowed(void) {
  const char *t = getenv("OCOP_SHIM_TRIES");
  return t ? atoi(t) : 3;
}

static int read_failures(void) {
  const char *f = getenv("OCOP_SHIM_STATE");
  int n = 0;
  FILE *fp = f ? fopen(f, "r") : NULL;
  if (fp) {
    if (fscanf(fp, "%d", &n) != 1) n = 0;
    fclose(fp);
  }
  return n;
}

static void write_failures(int n) {
  const char *f = getenv("OCOP_SHIM_STATE");
  FILE *fp = f ? fopen(f, "w") : NULL;
  if (fp) {
    fprintf(fp, "%d", n);
    fclose(fp);
  }
}

static CK_RV shim_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  CK_RV rv = real.C_GetTokenInfo(slot, info);
  if (rv != CKR_OK) return rv;
  int failures = read_failures(), allowed = tries_allowed();
  info->flags &= ~(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
  if (failures >= allowed) info->flags |= CKF_USER_PIN_LOCKED;
  else if (failures == allowed - 1) info->flags |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW;
  else if (failures > 0) info->flags |= CKF_USER_PIN_COUNT_LOW;
  return CKR_OK;
}

static CK_RV shim_Login(CK_SESSION_HANDLE s, CK_USER_TYPE type, CK_UTF8CHAR_PTR pin, CK_ULONG len) {
  if (type != CKU_USER) return real.C_Login(s, type, pin, len);
  int failures = read_failures();
  if (failures >= tries_allowed()) return CKR_PIN_LOCKED;
  CK_RV rv = real.C_Login(s, type, pin, len);
  if (rv == CKR_PIN_INCORRECT) {
    write_failures(failures + 1);
    return CKR_PIN_INCORRECT;
  }
  if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) write_failures(0);
  return rv;
}

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
  if (!lib) {
    const char *target = getenv("OCOP_SHIM_TARGET");
    lib = dlopen(target ? target : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return CKR_GENERAL_ERROR;
    CK_RV (*get)(CK_FUNCTION_LIST_PTR_PTR) = (CK_RV(*)(CK_FUNCTION_LIST_PTR_PTR))dlsym(lib, "C_GetFunctionList");
    CK_FUNCTION_LIST_PTR p = NULL;
    if (!get || get(&p) != CKR_OK || !p) return CKR_GENERAL_ERROR;
    memcpy(&real, p, sizeof real);
    memcpy(&mine, p, sizeof mine);
    mine.C_GetTokenInfo = shim_GetTokenInfo;
    mine.C_Login = shim_Login;
    mine.C_GetFunctionList = C_GetFunctionList;
  }
  *list = &mine;
  return CKR_OK;
}
