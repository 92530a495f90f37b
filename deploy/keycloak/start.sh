#!/usr/bin/env bash
# Runs a local Keycloak (no Docker) with the "kaquan" realm for developing and trying Kaquan against a real
# OpenID Connect provider. The distribution comes from Maven Central and is unpacked under deploy/keycloak/.work/.
#
#   deploy/keycloak/start.sh            # start (imports the realm on the first start only)
#   deploy/keycloak/start.sh --fresh    # wipe Keycloak's database first, so that realm-kaquan.json is imported again
#   KEYCLOAK_PORT=8280 deploy/keycloak/start.sh
#
# Any other argument is passed on to "kc.sh start-dev" (e.g. --log-level=debug).
set -euo pipefail

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
work_dir="$script_dir/.work"
kc_home="$work_dir/keycloak-$KEYCLOAK_VERSION"
zip="$work_dir/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"

fresh=false
kc_args=()
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    *) kc_args+=("$arg") ;;
  esac
done

command -v java >/dev/null || { echo "Java 17 or newer is required on the PATH" >&2; exit 1; }
mkdir -p "$work_dir"

if [ ! -x "$kc_home/bin/kc.sh" ]; then
  if [ ! -f "$zip" ]; then
    echo "Fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip with Maven (≈160 MB the first time)..."
    if [ -x "$repo_root/mvnw" ]; then mvn=("$repo_root/mvnw"); else mvn=(mvn); fi
    (cd "$repo_root" && "${mvn[@]}" -q -B -N \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$work_dir")
  fi
  echo "Unpacking $zip..."
  rm -rf "$kc_home.partial"
  mkdir -p "$kc_home.partial"
  (cd "$kc_home.partial" && unzip -q "$zip")
  mv "$kc_home.partial/keycloak-$KEYCLOAK_VERSION" "$kc_home"
  rm -rf "$kc_home.partial"
fi

if $fresh; then
  echo "Wiping Keycloak's database ($kc_home/data/h2)..."
  rm -rf "$kc_home/data/h2"
fi

# --import-realm reads data/import/ and skips a realm that already exists (use --fresh after editing the JSON).
mkdir -p "$kc_home/data/import"
cp "$script_dir/realm-kaquan.json" "$kc_home/data/import/realm-kaquan.json"

# Without this the transaction manager opens an extra listener on a random port to compute its process id.
export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -DCoreEnvironmentBean.processImplementationClassName=com.arjuna.ats.internal.arjuna.utils.UuidProcessId"

cat <<INFO

Keycloak $KEYCLOAK_VERSION is starting on http://127.0.0.1:$KEYCLOAK_PORT (35–70 s the first time).
  Admin console : http://127.0.0.1:$KEYCLOAK_PORT/admin/ (master admin: set KC_BOOTSTRAP_ADMIN_USERNAME and
                  KC_BOOTSTRAP_ADMIN_PASSWORD on the first start)
  Realm         : http://127.0.0.1:$KEYCLOAK_PORT/realms/kaquan   (users admin/admin and merchant/merchant)

Start Kaquan against it (java -jar target/quarkus-app/quarkus-run.jar) with:

  export QUARKUS_OIDC_AUTH_SERVER_URL=http://127.0.0.1:$KEYCLOAK_PORT/realms/kaquan
  export QUARKUS_OIDC_CLIENT_ID=kaquan
  export QUARKUS_OIDC_CREDENTIALS_SECRET=kaquan-dev-secret

For ./mvnw quarkus:dev also export (the prod profile has them already; Keycloak puts realm roles in the access token only):

  export QUARKUS_OIDC_ROLES_SOURCE=accesstoken
  export QUARKUS_OIDC_TOKEN_PRINCIPAL_CLAIM=preferred_username

INFO

cd "$kc_home"
exec bash bin/kc.sh start-dev \
  --http-host=127.0.0.1 \
  --http-port="$KEYCLOAK_PORT" \
  --import-realm \
  "${kc_args[@]}"
