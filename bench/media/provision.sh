#!/usr/bin/env bash
# provision.sh BASE_URL TENANT_CODE NUMBER SEATS OUT_CSV
# Staff sign-in, one trunk number with 1000 channels (the API maximum), SEATS new seats; writes sipp's -inf CSV
# (SEQUENTIAL; user;password) with the new seats' SIP accounts.
set -euo pipefail
base=$1 code=$2 number=$3 seats=$4 out=$5
jar=$(mktemp)
page=$(curl -s --max-time 10 -c "$jar" -b "$jar" "$base/admin/login")
csrf=$(grep -o 'name="_csrf"[^>]*value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
[ -n "$csrf" ] || csrf=$(grep -o 'value="[^"]*"[^>]*name="_csrf"' <<<"$page" | head -1 | sed 's/^value="//;s/".*//')
curl -s --max-time 10 -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=staff" --data-urlencode "password=staff123" --data-urlencode "_csrf=$csrf" "$base/admin/login"
token=$(curl -s --max-time 10 -c "$jar" -b "$jar" "$base/admin" | grep -o '<meta name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"$//')
[ -n "$token" ] || { echo "staff sign-in failed" >&2; exit 1; }
api() { curl -s --max-time 30 -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: application/json' "$@"; }
tenant=$(api "$base/api/admin/tenants" | python3 -c 'import json,sys
print(next(t["id"] for t in json.load(sys.stdin) if str(t.get("code"))==sys.argv[1]))' "$code")
api -X POST -d "{\"number\":\"$number\",\"channelLimit\":1000}" "$base/api/admin/tenants/$tenant/trunk-numbers" | grep -q "\"channelLimit\":1000" || { echo "trunk number refused" >&2; exit 1; }
echo SEQUENTIAL > "$out"
left=$seats
while [ "$left" -gt 0 ]; do
  n=$(( left > 100 ? 100 : left ))
  api -X POST -d "{\"count\":$n}" "$base/api/admin/tenants/$tenant/seats" \
    | python3 -c 'import json,sys
d=json.load(sys.stdin)
items=d if isinstance(d,list) else next((v for v in d.values() if isinstance(v,list)),[])
for s in items: print("%s;%s"%(s["sipUsername"],s["password"]))' >> "$out"
  left=$(( left - n ))
done
rm -f "$jar"
echo "$(( $(wc -l < "$out") - 1 )) seats" >&2
