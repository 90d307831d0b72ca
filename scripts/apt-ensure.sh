# Sourced by the setup scripts: apt_ensure LABEL PACKAGE... installs those of
# the packages that are missing, from Debian's archive. When all are present it
# only asks dpkg once, in well under a second.
apt_ensure() {
  local label=$1
  shift
  local installed missing=() p
  # dpkg-query fails for packages it has never heard of: that just means missing.
  installed=$( (dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true) |
    awk '$2 == "installed" {print $1}')
  for p in "$@"; do
    grep -qx -- "$p" <<<"$installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  echo "$label: installing ${missing[*]}" >&2
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  # Keep package installs from starting services (nginx) that would hold ports.
  local policy=/usr/sbin/policy-rc.d placed=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    placed=1
  fi
  local status=0
  # Wait for the dpkg lock (unattended upgrades) instead of failing at once.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    status=$?
  [[ $placed -eq 1 ]] && "${sudo[@]}" rm -f "$policy"
  return $status
}
